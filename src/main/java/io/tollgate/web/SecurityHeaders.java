package io.tollgate.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response. The portal needs no inline script or style, so the Content Security
 * Policy allows only Tollgate's own files; Swagger UI, which ships inline code, gets a looser policy on its path.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::addHeaders);
    }

    static void addHeaders(RoutingContext context) {
        HttpServerResponse response = context.response();
        boolean swagger = context.normalizedPath().startsWith("/q/swagger-ui");
        response.putHeader("Content-Security-Policy", swagger ? SWAGGER_POLICY : PORTAL_POLICY);
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("X-Frame-Options", "DENY");
        response.putHeader("Referrer-Policy", "same-origin");
        if (context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme())) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        context.next();
    }
}
