package io.tollgate.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Security headers on every response. The portal needs no inline script or style, so the Content Security
 * Policy allows only Tollgate's own files; Swagger UI, which ships inline code, gets a looser policy on its path.
 * Nothing but the unchanging files Tollgate serves (stylesheet, icon, CI scripts) may be kept by a browser or an
 * intermediary, and a successful sign-out asks the browser to drop what it still holds of the site.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    /** Files that are the same for everyone and hold nothing of a team: the only responses a cache may keep. */
    private static final List<String> STATIC_PATHS = List.of("/static/", "/ci/", "/favicon.svg");
    private static final String SIGN_OUT = "/signout";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::addHeaders);
    }

    static void addHeaders(RoutingContext context) {
        HttpServerResponse response = context.response();
        String path = context.normalizedPath();
        boolean swagger = path.startsWith("/q/swagger-ui");
        response.putHeader("Content-Security-Policy", swagger ? SWAGGER_POLICY : PORTAL_POLICY);
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("X-Frame-Options", "DENY");
        response.putHeader("Referrer-Policy", "same-origin");
        if (context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme())) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (STATIC_PATHS.stream().noneMatch(path::startsWith)) {
            response.putHeader("Cache-Control", "no-store");
        }
        if (SIGN_OUT.equals(path) && context.request().method() == HttpMethod.POST) {
            context.addHeadersEndHandler(ignored -> {
                if (response.getStatusCode() == 303) {
                    response.putHeader("Clear-Site-Data", "\"cache\", \"cookies\"");
                }
            });
        }
        context.next();
    }
}
