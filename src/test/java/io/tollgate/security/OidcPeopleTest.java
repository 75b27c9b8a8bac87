package io.tollgate.security;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Person;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class OidcPeopleTest {

    private static final String ISSUER = "https://idp.example.test/realms/acme";

    @Inject
    OidcPeople people;

    @Inject
    TestData data;

    @Test
    void anIdTokenFromARecentAuthenticationIsAccepted() {
        long now = Instant.now().getEpochSecond();
        people.refuseStaleAuthentication(now - 60);
        people.refuseStaleAuthentication(String.valueOf(now - Duration.ofHours(11).toSeconds()));
        people.refuseStaleAuthentication("\"" + now + "\"");
    }

    @Test
    void anIdTokenFromAnOldUndatedOrFutureAuthenticationIsRefused() {
        long now = Instant.now().getEpochSecond();
        for (Object authTime : new Object[] {now - Duration.ofHours(13).toSeconds(), null, "", "yesterday", "1e9",
                Long.MIN_VALUE, Long.MAX_VALUE, now + Duration.ofHours(1).toSeconds(), "9".repeat(10_000)}) {
            assertThatThrownBy(() -> people.refuseStaleAuthentication(authTime)).as("auth_time %s", authTime)
                    .isInstanceOf(SignInRefusedException.class).hasMessageContaining("too old or undated");
        }
    }

    @Test
    void aFirstSignInCreatesThePersonWithRolesFromGroups() {
        String email = "sso-" + TestData.unique() + "@example.test";
        Person person = signIn(claims("sub-" + email, email, "Sso Person",
                List.of("engineering", "tollgate-managers")));
        assertThat(person.email).isEqualTo(email);
        assertThat(person.displayName).isEqualTo("Sso Person");
        assertThat(person.roles()).containsExactlyInAnyOrder(GlobalRole.LEARNER, GlobalRole.MANAGER);
    }

    @Test
    void rolesFollowTheProviderOnEverySignIn() {
        String email = "sso-" + TestData.unique() + "@example.test";
        String subject = "sub-" + email;
        people.signIn(claims(subject, email, "A", List.of("tollgate-security-admins")));
        Person again = signIn(claims(subject, email, "A", List.of()));
        assertThat(again.roles()).containsExactly(GlobalRole.LEARNER);
    }

    @Test
    void anExistingLocalPersonIsLinkedByEmail() {
        TestData.TestUser local = data.user();
        Person person = signIn(claims("sub-linked-" + TestData.unique(),
                local.email().toUpperCase(), "Linked", List.of()));
        assertThat(person.id).isEqualTo(local.id());
    }

    @Test
    void aDeactivatedPersonIsRefused() {
        TestData.TestUser local = data.user();
        deactivate(local.id());
        assertThatThrownBy(() -> people.signIn(claims("sub-" + TestData.unique(),
                local.email(), "Gone", List.of()))).isInstanceOf(SignInRefusedException.class).hasMessageContaining("deactivated");
    }

    @Test
    void aTokenWithoutEmailIsRefused() {
        assertThatThrownBy(() -> people.signIn(claims("sub-x", null, "No Mail", List.of())))
                .isInstanceOf(SignInRefusedException.class).hasMessageContaining("e-mail");
    }

    private Person signIn(OidcPeople.IdentityClaims claims) {
        return people.signIn(claims).person();
    }

    /** A token from a provider that verified the e-mail address and reports no second factor. */
    static OidcPeople.IdentityClaims claims(String subject, String email, String name, List<String> groups) {
        return new OidcPeople.IdentityClaims(ISSUER, subject, email, true, name, groups, List.of("pwd"), null);
    }

    @Transactional
    void deactivate(long id) {
        Person.<Person>findById(id).active = false;
    }
}
