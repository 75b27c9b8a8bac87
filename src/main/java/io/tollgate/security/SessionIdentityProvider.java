package io.tollgate.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Turns a session cookie into an identity: the session must be live (see {@link Sessions}), the person still
 * active, and the session must not predate a sign-out of all sessions or a password reset. Roles are read from the
 * database on every request, so a role change applies at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    public static final String PERSON_ID = "tollgate.person-id";
    /** The row id of the session that authenticated the request, for the profile page's "this session". */
    public static final String SESSION_ID = "tollgate.session-id";

    private final Sessions sessions;

    SessionIdentityProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> load(request.token()));
    }

    @ActivateRequestContext
    SecurityIdentity load(String token) {
        return sessions.resume(token).map(SessionIdentityProvider::identity).orElse(null);
    }

    private static SecurityIdentity identity(Sessions.Resumed session) {
        Person person = session.person();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(person.email))
                .addAttribute(PERSON_ID, person.id)
                .addAttribute(SESSION_ID, session.sessionId());
        for (GlobalRole role : person.roles()) {
            identity.addRole(role.name());
        }
        return identity.build();
    }
}
