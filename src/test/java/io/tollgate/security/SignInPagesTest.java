package io.tollgate.security;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/** Password fields as password managers and browsers expect them: masked, labelled for autofill, pasting allowed. */
@QuarkusTest
class SignInPagesTest {

    private static final Pattern PASSWORD_INPUT = Pattern.compile("<input[^>]*type=\"password\"[^>]*>");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Test
    void passwordFieldsAreMaskedTellAutofillWhatTheyHoldAndAllowPasting() {
        String signIn = Browser.anonymous().get("/signin").then().statusCode(200).extract().asString();
        assertThat(passwordInputs(signIn)).singleElement().asString()
                .contains("name=\"password\"").contains("autocomplete=\"current-password\"");

        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        String email = "fields-" + TestData.unique() + "@example.test";
        String oneTime = admin.json().body(Map.of("email", email, "displayName", "Fields", "roles", List.of()))
                .post("/api/v1/people").then().statusCode(201).extract().path("oneTimePassword");
        Browser person = Browser.anonymous();
        person.postForm("/signin", Map.of("email", email, "password", oneTime))
                .then().statusCode(303).header("Location", endsWith("/signin/password"));
        String change = person.get("/signin/password").then().statusCode(200).extract().asString();
        assertThat(passwordInputs(change)).hasSize(2)
                .allSatisfy(input -> assertThat(input).contains("autocomplete=\"new-password\""));

        for (String page : List.of(signIn, change)) {
            assertThat(passwordInputs(page)).allSatisfy(input -> assertThat(input)
                    .doesNotContainIgnoringCase("onpaste").doesNotContainIgnoringCase("oncopy")
                    .doesNotContainPattern("maxlength=\"([0-9]|[0-5][0-9]|6[0-3])\""));
            assertThat(page).doesNotContain("<script").doesNotContainIgnoringCase("onpaste");
        }
    }

    private static List<String> passwordInputs(String page) {
        return PASSWORD_INPUT.matcher(page).results().map(match -> match.group()).toList();
    }
}
