package io.tollgate.org;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Someone who signs in to Tollgate. Everyone is a learner; managers and security admins have more rights. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntity {

    @Column(nullable = false)
    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(nullable = false)
    public boolean active = true;

    @Column(nullable = false)
    public boolean manager;

    @Column(name = "security_admin", nullable = false)
    public boolean securityAdmin;

    /** Raising it invalidates every session issued before. */
    @Column(name = "session_epoch", nullable = false)
    public int sessionEpoch;

    /** The OIDC subject ({@code issuer|sub}) of people who sign in through an identity provider. */
    @Column(name = "external_subject")
    public String externalSubject;

    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    public Set<GlobalRole> roles() {
        Set<GlobalRole> roles = EnumSet.of(GlobalRole.LEARNER);
        if (manager) {
            roles.add(GlobalRole.MANAGER);
        }
        if (securityAdmin) {
            roles.add(GlobalRole.SECURITY_ADMIN);
        }
        return roles;
    }

    public void assignRoles(Set<GlobalRole> roles) {
        manager = roles.contains(GlobalRole.MANAGER);
        securityAdmin = roles.contains(GlobalRole.SECURITY_ADMIN);
    }

    public static Optional<Person> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static Optional<Person> findByExternalSubject(String subject) {
        return find("externalSubject", subject).firstResultOptional();
    }

    public static List<Person> search(String text, Page page) {
        return find("lower(email) like ?1 or lower(displayName) like ?1 order by displayName, id", pattern(text))
                .page(page).list();
    }

    public static long countMatching(String text) {
        return count("lower(email) like ?1 or lower(displayName) like ?1", pattern(text));
    }

    public static long countActiveSecurityAdmins() {
        return count("securityAdmin = true and active = true");
    }

    private static String pattern(String text) {
        return "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
    }
}
