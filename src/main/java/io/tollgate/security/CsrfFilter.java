package io.tollgate.security;

import io.tollgate.platform.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Refuses cross-site request forgery. Every state-changing request (POST, PUT, PATCH, DELETE) that a browser could
 * be tricked into sending with Tollgate's cookies - one that carries the session or sign-in cookie, and every portal
 * form, the anonymous sign-in included - must
 * <ul>
 *   <li>come from Tollgate's own origin: the {@code Origin} header, when sent, names it (the configured
 *   {@code tollgate.public-url}, else the request's own scheme and host); without {@code Origin},
 *   {@code Sec-Fetch-Site}, when sent, says {@code same-origin} or {@code none}. Browsers send at least one of them
 *   on every cross-site POST, so a request with neither is no browser's cross-site request and is let through to
 *   the token check;</li>
 *   <li>carry the token {@link CsrfTokens} binds to the browser's session: in the {@code X-CSRF-Token} header, or
 *   in the {@code csrf} field of an urlencoded or multipart form.</li>
 * </ul>
 * Both are checked before the body is read, except the form field, which is read with the form. Calls that
 * authenticate with {@code Authorization: Bearer} are exempt: no browser attaches that header to a forged request.
 * A refusal is a 403 that names its reason, and nothing changes.
 */
public class CsrfFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String PENDING_FORM_FIELD = CsrfFilter.class.getName() + ".binding";

    @Inject
    CsrfTokens tokens;

    @Inject
    SecurityEvents events;

    @ConfigProperty(name = "tollgate.public-url")
    Optional<String> publicUrl;

    @ServerRequestFilter(preMatching = true)
    public void beforeTheBody(ContainerRequestContext request) {
        if (!guarded(request)) {
            return;
        }
        refuseCrossSite(request);
        Optional<CsrfTokens.Binding> binding = tokens.binding(cookies(request));
        String header = request.getHeaderString(CsrfTokens.HEADER);
        if (header != null) {
            verify(header, binding);
        } else if (isForm(request.getMediaType())) {
            request.setProperty(PENDING_FORM_FIELD, binding);
        } else {
            throw refusal("Missing CSRF token: send the X-CSRF-Token header with the token of your session"
                    + " (the csrf-token meta tag of any portal page)");
        }
    }

    @ServerRequestFilter
    @WithFormRead
    public void afterTheForm(ResteasyReactiveContainerRequestContext request) {
        @SuppressWarnings("unchecked")
        Optional<CsrfTokens.Binding> binding = (Optional<CsrfTokens.Binding>) request.getProperty(PENDING_FORM_FIELD);
        if (binding == null) {
            return;
        }
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CsrfTokens.FORM_FIELD, true, false);
        if (!(field instanceof String token) || token.isEmpty()) {
            throw refusal("Missing CSRF token: the form has no csrf field; reload the page and send it again");
        }
        verify(token, binding);
    }

    private boolean guarded(ContainerRequestContext request) {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return false;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return tokens.carriesSignInCookie(cookies(request)) || !request.getUriInfo().getRequestUri().getPath().startsWith("/api/");
    }

    private void refuseCrossSite(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            if (!origin(origin).equals(expectedOrigin(request))) {
                throw refusal("Cross-site request refused: the Origin header names another site than"
                        + " Tollgate's own");
            }
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw refusal("Cross-site request refused: Sec-Fetch-Site says the request came from another site");
        }
    }

    private void verify(String token, Optional<CsrfTokens.Binding> binding) {
        if (binding.isEmpty() || !tokens.matches(token, binding.get())) {
            throw refusal("Invalid CSRF token: it is not the token of this session; reload the page and"
                    + " send it again");
        }
    }

    /** Logs the refusal as a security event and returns the 403 to throw. */
    private ForbiddenException refusal(String reason) {
        events.failure("csrf.refused", null, reason);
        return new ForbiddenException(reason);
    }

    private String expectedOrigin(ContainerRequestContext request) {
        return publicUrl.filter(url -> !url.isBlank()).map(CsrfFilter::origin)
                .orElseGet(() -> origin(request.getUriInfo().getBaseUri().toString()));
    }

    /** scheme://host[:port], lower case and without the scheme's default port; "" when it is not such a URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static Function<String, String> cookies(ContainerRequestContext request) {
        return name -> {
            Cookie cookie = request.getCookies().get(name);
            return cookie == null ? null : cookie.getValue();
        };
    }
}
