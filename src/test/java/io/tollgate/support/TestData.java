package io.tollgate.support;

import io.tollgate.org.AwsAccount;
import io.tollgate.org.Environment;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;
import io.tollgate.security.LocalCredential;
import io.tollgate.security.LocalCredentials;
import io.tollgate.security.TotpAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Makes each test's own data, with unique names, so that tests neither share rows nor depend on their order. */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "a long test passphrase";

    @Inject
    LocalCredentials credentials;

    @Inject
    TotpAuthenticator totp;

    /** A person with a password and an enrolled authenticator, ready to sign in. */
    public record TestUser(long id, String email, String totpSecret) {
    }

    @Transactional
    public TestUser user(GlobalRole... roles) {
        Person person = new Person();
        person.email = "user-" + unique() + "@example.test";
        person.displayName = "Test " + unique();
        person.joinedAt = Instant.now();
        person.assignRoles(roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
        person.persist();
        credentials.setPassword(person, PASSWORD, false);
        LocalCredential credential = credentials.of(person);
        String secret = totp.newSecret();
        credentials.storeTotpSecret(credential, secret);
        credential.totpEnrolledAt = Instant.now();
        return new TestUser(person.id, person.email, secret);
    }

    @Transactional
    public String team() {
        Team team = new Team();
        team.slug = "team-" + unique();
        team.name = "Team " + team.slug;
        team.createdAt = Instant.now();
        team.persist();
        return team.slug;
    }

    @Transactional
    public void member(String teamSlug, TestUser user, TeamRole role) {
        Membership membership = new Membership();
        membership.team = Team.findBySlug(teamSlug).orElseThrow();
        membership.person = Person.findById(user.id());
        membership.role = role;
        membership.joinedAt = Instant.now();
        membership.persist();
    }

    @Transactional
    public String account(String teamSlug, String environmentKey) {
        AwsAccount account = new AwsAccount();
        account.accountId = accountId();
        account.name = "Account " + account.accountId;
        account.team = Team.findBySlug(teamSlug).orElseThrow();
        account.environment = Environment.findByKey(environmentKey).orElseThrow();
        account.createdAt = Instant.now();
        account.persist();
        return account.accountId;
    }

    /** A random 12-digit account id. */
    public static String accountId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
