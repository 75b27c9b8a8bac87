package io.tollgate.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.tollgate.ci.rest.WebhookResource;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Keeps request bodies small everywhere but on the report uploads (the API's, the portal's upload form and the CI
 * webhook), whose limits the import and the webhook enforce while they stream.
 * Requests that declare a larger Content-Length are answered 413 before their body is read; bodies of unknown
 * length (chunked) are refused there with 411.
 */
@ApplicationScoped
public class RequestSizeLimit {

    /** The report uploads: the API, the portal's form and the CI webhook. */
    private static final Set<String> UPLOAD_PATHS = Set.of("/api/v1/scans", "/scans/upload", WebhookResource.PATH);

    @ConfigProperty(name = "tollgate.web.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (UPLOAD_PATHS.contains(context.normalizedPath())) {
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            refuse(context, 411, "Length required", "Send the request with a Content-Length");
        } else if (length != null && (!isLong(length) || Long.parseLong(length) > maxBodySize.asLongValue())) {
            refuse(context, 413, "Request too large", "The request body is larger than " + maxBodySize.asLongValue() + " bytes");
        } else {
            context.next();
        }
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE)
                .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    private static boolean isLong(String value) {
        return value.matches("\\d{1,18}");
    }
}
