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
        if (flash.consumed() && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, flash.removal());
        }
    }
}
