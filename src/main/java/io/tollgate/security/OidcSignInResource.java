package io.tollgate.security;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.tollgate.org.Person;
import io.tollgate.web.Flash;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * The end of an OIDC sign-in. The code flow (configured through the QUARKUS_OIDC_* variables) guards this path;
 * once the provider has answered, Tollgate issues its own session and drops the provider's session cookie, so that
 * every later request is authenticated the same way whichever way the person signed in. When the provider's token
 * does not show a second factor, the person goes on to Tollgate's authenticator stage (enrolling one if needed).
 * A sign-in completes only in a browser that started it from the sign-in page (the one-time mark that
 * {@link SignInPages#startSingleSignOn()} sets) and only with an ID token whose {@code auth_time} is recent.
 */
@Path("/signin/oidc")
public class OidcSignInResource {

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @Inject
    OidcPeople people;

    @Inject
    SessionCookies cookies;

    @Inject
    Sessions sessions;

    @Inject
    PendingSignIns pending;

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityConfig config;

    @Inject
    SignInService signIn;

    @Inject
    Flash flash;

    @Context
    HttpHeaders headers;

    @GET
    public Response signedIn() {
        Response response = complete();
        return Response.fromResponse(response).cookie(cookies.expired(cookies.ssoStartName())).build();
    }

    private Response complete() {
        if (!cookies.startedSingleSignOn(headers)) {
            oidcSession.logout().await().indefinitely();
            return flash.redirect("/signin", Flash.Kind.ERROR, "Start single sign-on from the sign-in page.");
        }
        Object groups = idToken.getClaim(config.oidc().groupsClaim());
        Object acr = idToken.getClaim("acr");
        OidcPeople.IdentityClaims claims = new OidcPeople.IdentityClaims(idToken.getIssuer(), idToken.getSubject(),
                idToken.getClaim("email"), Boolean.parseBoolean(String.valueOf(idToken.<Object>getClaim("email_verified"))),
                idToken.getClaim("name"), names(groups), names(idToken.getClaim("amr")),
                acr == null ? null : unquote(acr.toString()));
        try {
            people.refuseStaleAuthentication(idToken.getClaim("auth_time"));
            OidcPeople.OidcSignIn result = people.signIn(claims);
            oidcSession.logout().await().indefinitely();
            Person person = result.person();
            if (!result.providerMfa()) {
                SignInStage stage = signIn.authenticatorStage(person.id);
                return Response.seeOther(URI.create(stage.page)).cookie(cookies.signIn(pending.start(person.id, stage))).build();
            }
            String token = sessions.start(person.id, SessionClient.of(request));
            return Response.seeOther(URI.create("/")).cookie(cookies.session(token)).build();
        } catch (SignInRefusedException e) {
            oidcSession.logout().await().indefinitely();
            return flash.redirect("/signin", Flash.Kind.ERROR, e.getMessage());
        }
    }

    /** The values of a claim that holds a list (or a single value); JSON strings lose their quotes. */
    private static Collection<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> unquote(v.toString())).toList();
        }
        return claim == null ? List.of() : List.of(unquote(claim.toString()));
    }

    private static String unquote(String value) {
        return value.replace("\"", "");
    }
}
