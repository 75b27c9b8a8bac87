package io.tollgate.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps request bodies small everywhere but on the report upload, whose larger limit is the server's own.
 * Requests that declare a larger Content-Length are answered 413 before their body is read.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private static final String UPLOAD_PATH = "/api/v1/scans";

    @ConfigProperty(name = "tollgate.web.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !context.normalizedPath().equals(UPLOAD_PATH) && isLong(length)
                && Long.parseLong(length) > maxBodySize.asLongValue()) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE)
                    .end("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,\"detail\":"
                            + "\"The request body is larger than " + maxBodySize.asLongValue() + " bytes\"}");
            return;
        }
        context.next();
    }

    private static boolean isLong(String value) {
        return value.matches("\\d{1,18}");
    }
}
