package io.tollgate.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.Person;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/**
 * Single sign-on links a local account only on a verified e-mail address or the stored subject, and counts the
 * provider's second factor only when its amr or acr says so; otherwise Tollgate's own authenticator stage follows.
 */
@QuarkusTest
class OidcLinkingTest {

    private static final String ISSUER = "https://idp.example.test/realms/acme";

    @Inject
    OidcPeople people;

    @Inject
    TestData data;

    @Inject
    SignInService signIn;

    @Inject
    PendingSignIns pending;

    @Inject
    TotpAuthenticator totp;

    @Test
    void anUnverifiedEmailNeitherLinksNorCreatesAnAccount() {
        TestData.TestUser local = data.user();
        String subject = "attacker-" + TestData.unique();
        assertThatThrownBy(() -> people.signIn(token(subject, local.email(), false, List.of("pwd"), null)))
                .isInstanceOf(SignInRefusedException.class).hasMessageContaining("not verified");
        assertThat(externalSubject(local.id())).isNull();

        String stranger = "unverified-" + TestData.unique() + "@example.test";
        assertThatThrownBy(() -> people.signIn(token("sub-" + TestData.unique(), stranger, false, List.of(), null)))
                .isInstanceOf(SignInRefusedException.class);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(stranger).isPresent())).isFalse();
    }

    @Test
    void aVerifiedEmailLinksAndThenTheStoredSubjectAloneSignsIn() {
        TestData.TestUser local = data.user();
        String subject = "sub-" + TestData.unique();
        Person linked = people.signIn(token(subject, local.email(), true, List.of("pwd"), null)).person();
        assertThat(linked.id).isEqualTo(local.id());
        assertThat(externalSubject(local.id())).isEqualTo(ISSUER + "|" + subject);

        // The provider no longer vouches for the address (or the address changed): the subject still identifies them.
        Person again = people.signIn(token(subject, "renamed-" + TestData.unique() + "@example.test", false,
                List.of("pwd"), null)).person();
        assertThat(again.id).isEqualTo(local.id());
    }

    @Test
    void theProvidersSecondFactorCountsOnlyWhenAmrOrAcrSaysSo() {
        assertThat(providerMfa(List.of("pwd"), null)).isFalse();
        assertThat(providerMfa(List.of(), "urn:acme:password")).isFalse();
        assertThat(providerMfa(null, null)).isFalse();
        assertThat(providerMfa(List.of("pwd", "otp"), null)).isTrue();
        assertThat(providerMfa(List.of("mfa"), null)).isTrue();
        assertThat(providerMfa(List.of("hwk"), null)).isTrue();
        assertThat(providerMfa(List.of("pwd"), "https://refeds.org/profile/mfa")).isTrue();
    }

    @Test
    void withoutTheProvidersSecondFactorThePersonEnrolsTollgatesAuthenticatorBeforeGettingASession() {
        String email = "sso-" + TestData.unique() + "@example.test";
        Person person = people.signIn(token("sub-" + email, email, true, List.of("pwd"), null)).person();
        assertThat(signIn.authenticatorStage(person.id)).isEqualTo(SignInStage.ENROLL);

        // What OidcSignInResource answers then: the enrolment stage with a sign-in cookie, and no session.
        Browser browser = Browser.anonymous();
        browser.cookies().put(SessionCookies.SIGN_IN, pending.start(person.id, SignInStage.ENROLL));
        browser.json().get("/api/v1/me").then().statusCode(401);
        String page = browser.get("/signin/enroll").then().statusCode(200).extract().asString();
        Matcher secret = Pattern.compile("id=\"secret\" class=\"secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        browser.postForm("/signin/enroll", Map.of("code", totp.codeAt(secret.group(1),
                Instant.now().getEpochSecond() / TotpAuthenticator.PERIOD_SECONDS)))
                .then().statusCode(200).body(containsString("recovery codes"));
        browser.json().get("/api/v1/me").then().statusCode(200);

        // The next sign-in through the provider goes to the code stage; the SSO person still has no password.
        assertThat(signIn.authenticatorStage(person.id)).isEqualTo(SignInStage.VERIFY);
        Browser.anonymous().postForm("/signin", Map.of("email", email, "password", ""))
                .then().statusCode(401);
        Browser.anonymous().postForm("/signin", Map.of("email", email, "password", "anything at all"))
                .then().statusCode(401).body(containsString("E-mail address or password is wrong."));
    }

    private boolean providerMfa(List<String> amr, String acr) {
        return people.providerMfa(token("sub", "a@b.test", true, amr, acr));
    }

    private static OidcPeople.IdentityClaims token(String subject, String email, boolean verified, List<String> amr, String acr) {
        return new OidcPeople.IdentityClaims(ISSUER, subject, email, verified, "Sso Person", List.of(), amr, acr);
    }

    private static String externalSubject(long personId) {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(personId).externalSubject);
    }
}
