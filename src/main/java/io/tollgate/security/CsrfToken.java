package io.tollgate.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token of the current request, for templates: {@code {#csrf /}} renders it as the hidden form field and
 * the layout as {@code <meta name="csrf-token">}. A browser that carries neither a session nor a half-finished
 * sign-in (someone about to sign in) first gets a pre-session cookie to bind the token to.
 */
@Named("csrf")
@RequestScoped
@Unremovable
public class CsrfToken {

    @Inject
    CsrfTokens tokens;

    @Inject
    CurrentVertxRequest current;

    @Inject
    SecurityConfig config;

    private String token;

    /** The form field's name. */
    public String parameterName() {
        return CsrfTokens.FORM_FIELD;
    }

    public String token() {
        if (token == null) {
            HttpServerRequest request = current.getCurrent().request();
            CsrfTokens.Binding binding = tokens.binding(name -> {
                Cookie cookie = request.getCookie(name);
                return cookie == null ? null : cookie.getValue();
            }).orElseGet(this::newPreSession);
            token = tokens.token(binding);
        }
        return token;
    }

    private CsrfTokens.Binding newPreSession() {
        String value = tokens.newPreSessionValue();
        // A browser-session cookie: it lives until the browser closes, and only ever protects the sign-in forms.
        current.getCurrent().response().addCookie(Cookie.cookie(tokens.preSessionCookie(), value).setPath("/")
                .setHttpOnly(true).setSecure(config.secureCookies()).setSameSite(CookieSameSite.LAX));
        return new CsrfTokens.Binding(tokens.preSessionCookie(), value);
    }
}
