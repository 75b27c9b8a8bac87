package io.tollgate.ci.rest;

import io.tollgate.ci.service.WebhookCall;
import io.tollgate.ci.service.WebhookRefusedException;
import io.tollgate.ci.service.WebhookService;
import io.tollgate.findings.importing.UploadParameters;
import io.tollgate.security.SecurityEvents;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits webhook requests before their body is read: the filter runs after the request is matched to
 * {@link WebhookResource} and before Quarkus REST starts reading the body, so that a request without a valid
 * credential is refused without a byte of its body being stored.
 */
public class WebhookAdmission {

    @Inject
    WebhookService webhook;

    @Inject
    Admitted admitted;

    @Inject
    SecurityEvents events;

    @ServerRequestFilter
    public Response admit(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        if (resource.getResourceClass() != WebhookResource.class) {
            return null;
        }
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        UploadParameters upload = new UploadParameters(query.getFirst("team"), query.getFirst("environment"),
                query.getFirst("component"), query.getFirst("tool"), query.getFirst("format"), query.getFirst("mode"),
                query.getFirst("commit"), query.getFirst("branch"), query.getFirst("pipelineUrl"), query.getFirst("fileName"));
        String length = context.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        WebhookCall call = new WebhookCall(upload, query.getFirst("gate"), request.query(),
                request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress(),
                context.getHeaderString(HttpHeaders.AUTHORIZATION), context.getHeaderString("Idempotency-Key"),
                context.getHeaderString("X-Hub-Signature-256"), context.getHeaderString("X-GitHub-Delivery"),
                context.getHeaderString("Tollgate-Timestamp"), context.getHeaderString("webhook-id"),
                context.getHeaderString("webhook-timestamp"), context.getHeaderString("webhook-signature"),
                context.getHeaderString("Content-Digest"),
                length != null && length.matches("\\d{1,18}") ? Long.valueOf(length) : null);
        try {
            admitted.set(webhook.admit(call));
            return null;
        } catch (WebhookRefusedException e) {
            record(events, e, query.getFirst("team"));
            return WebhookResource.problem(e, context.getUriInfo().getPath());
        }
    }

    /** A refused credential (401, 403, or 429 after too many failures) is a security event; other refusals are not. */
    static void record(SecurityEvents events, WebhookRefusedException e, String team) {
        if (e.status() == 401 || e.status() == 403 || e.status() == 429) {
            events.failure("webhook.authentication", team == null ? null : "team:" + team, e.title() + ": " + e.getMessage());
        }
    }

    /** The admission of the current request, handed from the filter to the resource. */
    @RequestScoped
    public static class Admitted {
        private WebhookService.Admission admission;

        void set(WebhookService.Admission admission) {
            this.admission = admission;
        }

        WebhookService.Admission get() {
            return admission;
        }
    }
}
