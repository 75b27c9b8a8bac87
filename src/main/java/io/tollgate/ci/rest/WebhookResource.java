package io.tollgate.ci.rest;

import io.tollgate.ci.service.WebhookRefusedException;
import io.tollgate.ci.service.WebhookService;
import io.tollgate.ci.service.WebhookService.Answer;
import io.tollgate.findings.importing.UploadParameters;
import io.tollgate.security.SecurityEvents;
import io.tollgate.web.ProblemDetails;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.InputStream;
import java.util.List;

/**
 * The one way in for pipelines: a report in the body (gzip allowed) with its metadata in query parameters, and
 * optionally {@code gate=<environment>} to ask the promotion gate in the same call. Authenticated by a team's
 * bearer token or signed with a team's signing secret; see docs/ci/README.md. {@link WebhookAdmission} checks the
 * credential before the body is read; this method only runs for requests it admitted.
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

    @Inject
    WebhookAdmission.Admitted admitted;

    @Inject
    SecurityEvents events;

    @POST
    @Consumes(UploadParameters.REPORT_MEDIA_TYPES)
    @Operation(summary = "Upload a report and/or ask the gate; the answer's 'passed' tells the pipeline whether to go on")
    @Parameter(name = "team", in = ParameterIn.QUERY, required = true, description = "the slug of the credential's team")
    @Parameter(name = "environment", in = ParameterIn.QUERY, description = "the environment the scan is about")
    @Parameter(name = "component", in = ParameterIn.QUERY, description = "the repository or AWS account the scan is about")
    @Parameter(name = "gate", in = ParameterIn.QUERY, description = "the environment to ask the promotion gate about")
    @Parameter(name = "tool", in = ParameterIn.QUERY)
    @Parameter(name = "format", in = ParameterIn.QUERY)
    @Parameter(name = "mode", in = ParameterIn.QUERY, description = "full (default) or partial")
    @Parameter(name = "commit", in = ParameterIn.QUERY)
    @Parameter(name = "branch", in = ParameterIn.QUERY)
    @Parameter(name = "pipelineUrl", in = ParameterIn.QUERY)
    @Parameter(name = "fileName", in = ParameterIn.QUERY)
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "the delivery id of a bearer-token request")
    @Parameter(name = "X-Hub-Signature-256", in = ParameterIn.HEADER)
    @Parameter(name = "X-GitHub-Delivery", in = ParameterIn.HEADER)
    @Parameter(name = "Tollgate-Timestamp", in = ParameterIn.HEADER)
    @Parameter(name = "webhook-id", in = ParameterIn.HEADER)
    @Parameter(name = "webhook-timestamp", in = ParameterIn.HEADER)
    @Parameter(name = "webhook-signature", in = ParameterIn.HEADER)
    @Parameter(name = "Content-Digest", in = ParameterIn.HEADER, description = "sha-256=:<base64>: of the body, with a signature")
    public Response deliver(InputStream body) {
        Answer answer = webhook.deliver(admitted.get(), body);
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Tollgate-Replayed", Boolean.toString(answer.replayed())).build();
    }

    @ServerExceptionMapper
    public Response refused(WebhookRefusedException e, UriInfo uri) {
        WebhookAdmission.record(events, e, uri.getQueryParameters().getFirst("team"));
        return problem(e, uri.getPath());
    }

    /** The problem document of a refused request, with Retry-After and WWW-Authenticate where they apply. */
    static Response problem(WebhookRefusedException e, String path) {
        Response.ResponseBuilder response = Response.status(e.status()).type(ProblemDetails.MEDIA_TYPE)
                .entity(new ProblemDetails("about:blank", e.title(), e.status(), e.getMessage(), path, List.of()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tollgate\"");
        }
        return response.build();
    }
}
