package io.tollgate.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.tollgate.findings.importing.ReportRefusedException;
import io.tollgate.platform.FieldError;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.RateLimitedException;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.SecurityEvents;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns failures into answers a person or a client can act on: problem+json under /api, an HTML page in the
 * portal. Messages name what is wrong and where; exception class names and stack traces never leave the server.
 */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    @Inject
    SecurityEvents events;

    @Inject
    CurrentViewer viewer;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        int status = e.httpStatus();
        String title = switch (status) {
            case 409 -> "Conflict";
            case 502 -> "Refused upstream";
            default -> "Invalid input";
        };
        String detail = e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(uri, status, title, detail, e.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ErrorResponses::toFieldError)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalidInput(new InvalidInputException(errors), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        String field = e instanceof JsonMappingException mapping ? pointer(mapping) : "body";
        String reason = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
        return respond(uri, 400, "Unreadable request body", "The JSON body could not be read" + where + ": " + reason,
                List.of(new FieldError(field, reason)));
    }

    /** Quarkus maps mismatched JSON itself unless a mapper names the exact type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response refusedReport(ReportRefusedException e, UriInfo uri) {
        String title = switch (e.status()) {
            case 413 -> "Report too large";
            case 415 -> "Unrecognised report format";
            case 400 -> "Unknown report format";
            default -> "Unreadable report";
        };
        return Response.status(e.status()).type(ProblemDetails.MEDIA_TYPE)
                .entity(new ProblemDetails("about:blank", title, e.status(), e.getMessage(), uri.getPath(),
                        List.of(new FieldError(e.status() == 400 ? "format" : "report", e.reason())), e.format(),
                        e.position(), e.scanId(), e.supportedFormats())).build();
    }

    /** Names only the kind of thing asked for, the same whether it is missing or hidden from the caller. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        LOG.debugf("%s on %s: %s", e.getMessage(), uri.getPath(), e.key());
        return respond(uri, 404, "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        events.failure("rate-limit.refused", subject(), "limit " + e.limit());
        return Response.fromResponse(respond(uri, 429, "Too many requests", e.getMessage(),
                List.of(new FieldError("limit", e.limit())))).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        denied("access.forbidden", e.getMessage());
        return respond(uri, 403, "Forbidden", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response forbiddenByRole(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        denied("access.forbidden", "roles do not allow this");
        return respond(uri, 403, "Forbidden", "Your roles do not allow this", List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        denied("access.unauthenticated", "not signed in");
        if (isApi(uri)) {
            return problem(uri, 401, "Not signed in", "Sign in, or send a valid session cookie", List.of());
        }
        return Response.seeOther(URI.create("/signin")).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(uri, status, title, e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(uri, 500, "Internal error", "Something went wrong on our side; it has been logged.", List.of());
    }

    /** Every 401 and 403 is a security event, under the signed-in person when there is one. */
    private void denied(String event, String reason) {
        events.failure(event, subject(), reason);
    }

    /** The signed-in person of the request, for a security event; null when there is none. */
    private String subject() {
        return viewer.find().map(v -> SecurityEvents.person(v.personId())).orElse(null);
    }

    private Response respond(UriInfo uri, int status, String title, String detail, List<FieldError> errors) {
        if (isApi(uri)) {
            return problem(uri, status, title, detail, errors);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, detail)).build();
    }

    private static Response problem(UriInfo uri, int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(ProblemDetails.MEDIA_TYPE)
                .entity(new ProblemDetails("about:blank", title, status, detail, uri.getPath(), errors)).build();
    }

    private static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method-parameter paths read "create.draft.slug": the client knows only the last part (or the body's fields).
        String[] nodes = path.split("\\.");
        String field = nodes.length >= 3 ? String.join(".", List.of(nodes).subList(2, nodes.length)) : nodes[nodes.length - 1];
        return new FieldError(field, violation.getMessage());
    }

    private static String pointer(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/"));
        return path.isEmpty() ? "body" : "/" + path;
    }
}
