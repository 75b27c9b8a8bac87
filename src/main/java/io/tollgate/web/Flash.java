package io.tollgate.web;

import io.tollgate.platform.InvalidInputException;
import io.tollgate.security.SecurityConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The message shown once after a change (Post/Redirect/Get): a POST answers with a redirect that carries it in a
 * short-lived cookie; the next page shows it and the cookie is dropped.
 */
@RequestScoped
public class Flash {

    public static final String COOKIE = "tollgate_flash";

    /** Success messages are green, errors red, the same everywhere in the portal. */
    public enum Kind { SUCCESS, ERROR }

    public record Message(Kind kind, String text) {
        public String css() {
            return kind == Kind.SUCCESS ? "flash flash-success" : "flash flash-error";
        }
    }

    @Inject
    HttpHeaders headers;

    @Inject
    SecurityConfig config;

    private boolean consumed;

    /** A 303 redirect that shows the message on the next page. */
    public Response redirect(String location, Kind kind, String text) {
        String value = URLEncoder.encode(kind.name() + ":" + text, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(location))
                .cookie(new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(60).httpOnly(true)
                        .secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }

    public Response success(String location, String text) {
        return redirect(location, Kind.SUCCESS, text);
    }

    /**
     * A redirect back to a form that was refused, with what was wrong named as the form names its fields
     * ({@code labels}: field → label as the person read it; an unlabelled field keeps its name).
     */
    public Response refused(String location, InvalidInputException e, Map<String, String> labels) {
        return redirect(location, Kind.ERROR, e.errors().stream()
                .map(error -> labels.getOrDefault(error.field(), error.field()) + ": " + error.message())
                .collect(Collectors.joining("; ")));
    }

    /** The pending message, if any; reading it marks the cookie for removal. */
    public Message message() {
        var cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return null;
        }
        String decoded = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        consumed = true;
        Kind kind = "ERROR".equals(decoded.substring(0, colon)) ? Kind.ERROR : Kind.SUCCESS;
        return new Message(kind, decoded.substring(colon + 1));
    }

    boolean consumed() {
        return consumed;
    }

    NewCookie removal() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
