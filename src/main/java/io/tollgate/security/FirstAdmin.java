package io.tollgate.security;

import io.quarkus.runtime.StartupEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Person;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Makes sure someone can administer Tollgate. When no active security admin exists, the one named by
 * {@code tollgate.security.admin.*} is created: with the configured password, or with a one-time password handed
 * to the operator through {@link OneTimePasswordNotice} (the log on the embedded database, otherwise a file only the
 * process owner reads). Until that admin has chosen their own password, each start issues a fresh one.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final SecurityConfig config;
    private final LocalCredentials credentials;
    private final AuditLog audit;
    private final Clock clock;
    private final OneTimePasswordNotice notice;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    FirstAdmin(SecurityConfig config, LocalCredentials credentials, AuditLog audit, Clock clock,
               OneTimePasswordNotice notice) {
        this.config = config;
        this.notice = notice;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        String email = config.admin().email();
        Person admin = Person.findByEmail(email).orElse(null);
        if (admin == null) {
            if (Person.countActiveSecurityAdmins() > 0) {
                return;
            }
            admin = new Person();
            admin.email = email;
            admin.displayName = "Security admin";
            admin.joinedAt = Instant.now(clock);
            admin.assignRoles(Set.of(GlobalRole.SECURITY_ADMIN));
            admin.persist();
            audit.record(Viewer.SYSTEM, "person.created", "person", email, null,
                    java.util.Map.of("email", email, "roles", Set.of(GlobalRole.SECURITY_ADMIN.name())));
            if (config.admin().password().isPresent()) {
                credentials.setPassword(admin, config.admin().password().get(), false);
                LOG.infof("Created the first security admin %s with the configured password", email);
                return;
            }
        }
        boolean neverSignedIn = LocalCredential.ofPerson(admin.id).map(c -> c.mustChangePassword).orElse(true);
        if (admin.securityAdmin && admin.active && neverSignedIn && config.admin().password().isEmpty()) {
            String password = credentials.issueOneTimePassword(admin);
            notice.tell(String.format("  Tollgate is ready at http://localhost:%d", port),
                    String.format("  Sign in as %s with the one-time password %s%n"
                            + "  You will choose your own password and set up an authenticator app.", email, password));
        } else {
            LOG.infof("Tollgate is ready at http://localhost:%d (security admin: %s)", port, email);
        }
    }
}
