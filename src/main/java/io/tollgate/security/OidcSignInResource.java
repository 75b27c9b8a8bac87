package io.tollgate.security;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.tollgate.org.Person;
import io.tollgate.web.Flash;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * The end of an OIDC sign-in. The code flow (configured through the QUARKUS_OIDC_* variables) guards this path;
 * once the provider has answered, Tollgate issues its own session and drops the provider's session cookie, so that
 * every later request is authenticated the same way whichever way the person signed in.
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
    HttpServerRequest request;

    @Inject
    SecurityConfig config;

    @Inject
    Flash flash;

    @GET
    public Response signedIn() {
        Object groups = idToken.getClaim(config.oidc().groupsClaim());
        OidcPeople.IdentityClaims claims = new OidcPeople.IdentityClaims(idToken.getIssuer(), idToken.getSubject(),
                idToken.getClaim("email"), idToken.getClaim("name"), groupNames(groups));
        try {
            Person person = people.signIn(claims);
            oidcSession.logout().await().indefinitely();
            String token = sessions.start(person.id, SessionClient.of(request));
            return Response.seeOther(URI.create("/")).cookie(cookies.session(token)).build();
        } catch (SignInRefusedException e) {
            oidcSession.logout().await().indefinitely();
            return flash.redirect("/signin", Flash.Kind.ERROR, e.getMessage());
        }
    }

    private static Collection<String> groupNames(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", "")).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString());
    }
}
