package io.tollgate.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Drops the flash cookie once a page has shown its message. */
public class FlashCleanup {

    @Inject
    Flash flash;

    @ServerResponseFilter
    public void dropShownFlash(ContainerResponseContext response) {
        // A redirect may carry a new flash message; any other response that showed the message drops it.
        if (flash.consumed() && response.getStatus() / 100 != 3) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, flash.removal());
        }
    }
}
