package io.tollgate.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.tollgate.ci.rest.WebhookResource;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Keeps request bodies small everywhere but on the report uploads (the API's, the portal's upload form and the CI
 * webhook), whose limits the import and the webhook enforce while they stream.
 * Requests that declare a larger Content-Length are answered 413 before their body is read. Bodies of unknown length
 * (HTTP/1.1 chunked, HTTP/2 without Content-Length) are counted as they arrive and answered 413 as soon as they pass
 * the limit; below it they are handed on whole, so that the resources read them as usual.
 */
@ApplicationScoped
public class RequestSizeLimit {

    /** The report uploads: the API, the portal's form and the CI webhook. */
    private static final Set<String> UPLOAD_PATHS = Set.of("/api/v1/scans", "/scans/upload", WebhookResource.PATH);

    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ConfigProperty(name = "tollgate.web.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (UPLOAD_PATHS.contains(context.normalizedPath()) || request.isEnded() || length == null && !mayHaveBody(request)) {
            context.next();
        } else if (length != null) {
            if (!isLong(length) || Long.parseLong(length) > maxBodySize.asLongValue()) {
                refuse(context);
            } else {
                context.next();
            }
        } else {
            countAsItArrives(context);
        }
    }

    /**
     * Only POST, PUT and PATCH carry bodies here. Of those, HTTP/1.x has a body only with a length or chunks; HTTP/2
     * may send one without saying. A GET over HTTP/2 is left alone: reading it would leave nothing for the resource
     * to pause on (an ended HTTP/2 stream refuses that).
     */
    private static boolean mayHaveBody(HttpServerRequest request) {
        return BODY_METHODS.contains(request.method())
                && (request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING));
    }

    private void countAsItArrives(RoutingContext context) {
        HttpServerRequest request = context.request();
        long limit = maxBodySize.asLongValue();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refuse(context);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> {
            if (!context.response().ended()) {
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private void refuse(RoutingContext context) {
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE)
                .end("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,\"detail\":\"The request body "
                        + "is larger than " + maxBodySize.asLongValue() + " bytes\"}");
    }

    private static boolean isLong(String value) {
        return value.matches("\\d{1,18}");
    }
}
