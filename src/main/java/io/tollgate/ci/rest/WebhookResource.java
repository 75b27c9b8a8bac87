package io.tollgate.ci.rest;

import io.tollgate.ci.service.WebhookCall;
import io.tollgate.ci.service.WebhookRefusedException;
import io.tollgate.ci.service.WebhookService;
import io.tollgate.ci.service.WebhookService.Answer;
import io.tollgate.findings.importing.UploadParameters;
import io.tollgate.web.ProblemDetails;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.InputStream;
import java.util.List;

/**
 * The one way in for pipelines: a report in the body (gzip allowed) with its metadata in query parameters, and
 * optionally {@code gate=<environment>} to ask the promotion gate in the same call. Authenticated by a team's
 * bearer token or signed with a team's signing secret; see docs/ci/README.md.
 */
@Path(WebhookResource.PATH)
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CI")
public class WebhookResource {

    /** Exempt from the general body limit: the webhook holds bodies to its own limit while it streams. */
    public static final String PATH = "/api/v1/ci/webhook";

    @Inject
    WebhookService webhook;

    @POST
    @Consumes(UploadParameters.REPORT_MEDIA_TYPES)
    @Operation(summary = "Upload a report and/or ask the gate; the answer's 'passed' tells the pipeline whether to go on")
    public Response deliver(@BeanParam UploadParameters upload, @QueryParam("gate") String gate,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @HeaderParam("Idempotency-Key") String idempotencyKey,
                            @HeaderParam("X-Hub-Signature-256") String hubSignature,
                            @HeaderParam("X-GitHub-Delivery") String githubDelivery,
                            @HeaderParam("webhook-id") String webhookId,
                            @HeaderParam("webhook-timestamp") String webhookTimestamp,
                            @HeaderParam("webhook-signature") String webhookSignature,
                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                            InputStream body) {
        Answer answer = webhook.deliver(new WebhookCall(upload, gate, authorization, idempotencyKey, hubSignature,
                githubDelivery, webhookId, webhookTimestamp, webhookSignature, contentLength), body);
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Tollgate-Replayed", Boolean.toString(answer.replayed())).build();
    }

    @ServerExceptionMapper
    public Response refused(WebhookRefusedException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.status()).type(ProblemDetails.MEDIA_TYPE)
                .entity(new ProblemDetails("about:blank", e.title(), e.status(), e.getMessage(), uri.getPath(), List.of()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tollgate\"");
        }
        return response.build();
    }
}
