package io.tollgate.security;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * People who sign in through an identity provider (Cognito, Okta, Keycloak...). The provider is the source of
 * truth for their roles: on every sign-in the configured groups are mapped onto Tollgate's global roles.
 * A first sign-in creates the person, or links an existing person with the same e-mail address when the provider
 * says it verified that address; after that the provider's subject alone identifies the person. The provider's
 * multi-factor authentication counts only when its {@code amr} or {@code acr} claim says a second factor was used;
 * otherwise the person also gives Tollgate's authenticator code.
 */
@ApplicationScoped
public class OidcPeople {

    /** How far the provider's clock may run ahead of Tollgate's for an {@code auth_time}. */
    private static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    private final SecurityConfig config;
    private final AuditLog audit;
    private final Clock clock;

    OidcPeople(SecurityConfig config, AuditLog audit, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What Tollgate reads from the provider's ID token: {@code emailVerified} from {@code email_verified}, the
     * authentication methods from {@code amr} and the context class from {@code acr}.
     */
    public record IdentityClaims(String issuer, String subject, String email, boolean emailVerified, String name,
                                 Collection<String> groups, Collection<String> amr, String acr) {
    }

    /**
     * Refuses an ID token whose authentication at the provider ({@code auth_time}, seconds since the epoch) is older
     * than {@link SecurityConfig.Oidc#maxAuthenticationAge()} or not given (ASVS 7.6.2).
     */
    public void refuseStaleAuthentication(Object authTime) {
        OptionalLong seconds = epochSeconds(authTime);
        Instant now = Instant.now(clock);
        long oldest = now.minus(config.oidc().maxAuthenticationAge()).getEpochSecond();
        long newest = now.plus(ALLOWED_CLOCK_SKEW).getEpochSecond();
        if (seconds.isEmpty() || seconds.getAsLong() < oldest || seconds.getAsLong() > newest) {
            throw new SignInRefusedException("Your sign-in at the single sign-on provider is too old or undated: sign in again.");
        }
    }

    private static OptionalLong epochSeconds(Object claim) {
        if (claim == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(claim.toString().replace("\"", "").strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The person, and whether the provider's own second factor counts for this sign-in. */
    public record OidcSignIn(Person person, boolean providerMfa) {
    }

    @Transactional(dontRollbackOn = SignInRefusedException.class)
    public OidcSignIn signIn(IdentityClaims claims) {
        if (claims.subject() == null || claims.email() == null || claims.email().isBlank()) {
            throw new SignInRefusedException("The identity provider did not send an e-mail address; ask your admin to add the email scope.");
        }
        String externalSubject = claims.issuer() + "|" + claims.subject();
        Set<GlobalRole> roles = rolesOf(claims.groups());
        Person person = Person.findByExternalSubject(externalSubject).orElse(null);
        if (person == null && !claims.emailVerified()) {
            throw new SignInRefusedException("Your identity provider has not verified your e-mail address, so Tollgate"
                    + " cannot tell whose account this is. Verify the address with your identity provider and try again.");
        }
        if (person == null) {
            person = Person.findByEmail(claims.email()).filter(p -> p.externalSubject == null).orElse(null);
        }
        Viewer provider = new Viewer(0, "identity provider", Set.of());
        if (person == null) {
            person = new Person();
            person.email = claims.email().strip();
            person.displayName = claims.name() == null || claims.name().isBlank() ? person.email : claims.name().strip();
            person.joinedAt = Instant.now(clock);
            person.externalSubject = externalSubject;
            person.assignRoles(roles);
            person.persist();
            audit.record(provider, "person.created", "person", person.email, null, Map.of("roles", names(roles), "via", "oidc"));
        } else {
            if (!person.active) {
                throw new SignInRefusedException("Your Tollgate account is deactivated.");
            }
            Set<GlobalRole> before = person.roles();
            person.externalSubject = externalSubject;
            person.assignRoles(roles);
            if (!before.equals(person.roles())) {
                audit.record(provider, "person.roles-synced", "person", person.email,
                        Map.of("roles", names(before)), Map.of("roles", names(person.roles())));
            }
        }
        person.lastSignInAt = Instant.now(clock);
        return new OidcSignIn(person, providerMfa(claims));
    }

    /** Whether the provider says it used a second factor: an accepted {@code amr} method or {@code acr} class. */
    boolean providerMfa(IdentityClaims claims) {
        boolean amr = claims.amr() != null && claims.amr().stream().anyMatch(config.oidc().mfaAmrValues()::contains);
        boolean acr = claims.acr() != null && config.oidc().mfaAcrValues().map(v -> v.contains(claims.acr())).orElse(false);
        return amr || acr;
    }

    Set<GlobalRole> rolesOf(Collection<String> groups) {
        Set<GlobalRole> roles = EnumSet.of(GlobalRole.LEARNER);
        if (groups == null) {
            return roles;
        }
        for (String group : groups) {
            if (config.oidc().managerGroups().contains(group)) {
                roles.add(GlobalRole.MANAGER);
            }
            if (config.oidc().securityAdminGroups().contains(group)) {
                roles.add(GlobalRole.SECURITY_ADMIN);
            }
        }
        return roles;
    }

    private static Set<String> names(Set<GlobalRole> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return names;
    }
}
