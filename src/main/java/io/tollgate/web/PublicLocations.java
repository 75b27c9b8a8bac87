package io.tollgate.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Keeps the Host header out of redirects. JAX-RS turns a relative Location into an absolute one with the host the
 * request named, so a forged Host header would send people (and 201 Location readers) elsewhere. Just before the
 * headers go out, a Location on the request's own host, or a relative one, is rebuilt from {@link PublicUrl}:
 * absolute from {@code tollgate.public-url} when it is set, otherwise the bare path. Locations on other hosts (the
 * identity provider of a single sign-on) are left as they are.
 */
@ApplicationScoped
public class PublicLocations {

    private final PublicUrl publicUrl;

    PublicLocations(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::onHeadersEnd);
    }

    private void onHeadersEnd(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = context.response();
            String location = response.headers().get(HttpHeaders.LOCATION);
            if (location != null) {
                String rebuilt = rebuild(location, context.request());
                if (!rebuilt.equals(location)) {
                    response.headers().set(HttpHeaders.LOCATION, rebuilt);
                }
            }
        });
        context.next();
    }

    String rebuild(String location, HttpServerRequest request) {
        if (location.startsWith("/") && !location.startsWith("//")) {
            return publicUrl.of(location);
        }
        try {
            URI uri = new URI(location);
            if (uri.isAbsolute() && uri.getRawAuthority() != null && namesThisRequest(uri.getRawAuthority(), request)) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return publicUrl.of(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
            }
            return location;
        } catch (URISyntaxException e) {
            return location;
        }
    }

    /** Whether an authority is the one the request named (its Host header, or the forwarded host behind a proxy). */
    private static boolean namesThisRequest(String authority, HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        HostAndPort named = request.authority();
        return authority.equalsIgnoreCase(host)
                || named != null && authority.equalsIgnoreCase(named.port() < 0 ? named.host() : named.host() + ":" + named.port());
    }
}
