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
import jakarta.transaction.Transactional;

/**
 * Turns a session cookie into an identity: the person must still be active and the session must not predate a
 * sign-out-everywhere or password reset. Roles are read from the database on every request, so a role change
 * applies at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    public static final String PERSON_ID = "tollgate.person-id";

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> load(request.claims()));
    }

    @ActivateRequestContext
    @Transactional
    SecurityIdentity load(SessionCodec.Claims claims) {
        Person person = Person.findById(claims.personId());
        if (person == null || !person.active || person.sessionEpoch != claims.epoch()) {
            return null;
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(person.email))
                .addAttribute(PERSON_ID, person.id);
        for (GlobalRole role : person.roles()) {
            identity.addRole(role.name());
        }
        return identity.build();
    }
}
