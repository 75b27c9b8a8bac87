package io.tollgate.security;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The address of the client that sent this request, as Vert.x sees it: the peer, or, behind a proxy whose
 * forwarding headers Tollgate is told to trust ({@code quarkus.http.proxy.*}), the address the proxy names.
 */
@RequestScoped
public class ClientAddress {

    @Inject
    RoutingContext routing;

    public String get() {
        SocketAddress address = routing.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
