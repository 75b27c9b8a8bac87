package io.tollgate.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Authenticates requests that carry a Tollgate session cookie and no Authorization header; others stay anonymous. */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final SessionCookies cookies;

    SessionAuthenticationMechanism(SessionCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(cookies.sessionName());
        // A call that names its own credentials (a bearer token) is never also taken as the browser's session: the
        // CSRF check exempts such calls, so the cookie must not authenticate them.
        if (cookie == null || context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return identityProviderManager.authenticate(new SessionAuthenticationRequest(cookie.getValue()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/signin"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, cookies.sessionName()));
    }

    @Override
    public int getPriority() {
        return 2000; // ahead of the OIDC code flow, which only guards /signin/oidc
    }
}
