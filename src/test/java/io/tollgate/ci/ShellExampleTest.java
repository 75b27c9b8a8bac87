package io.tollgate.ci;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Runs docs/ci/tollgate-upload.sh, as published, against the test server: it signs, uploads and gates. */
@QuarkusTest
class ShellExampleTest {

    private static final Path SCRIPT = Path.of("docs/ci/tollgate-upload.sh");
    private static final Path REPORT = Path.of("src/test/resources/ci/handler.sarif");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    Browser lead;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        lead = Browser.signedIn(leadUser, totp);
    }

    @Test
    void theScriptSignsUploadsAndFailsTheStepUntilTheGatePasses() throws Exception {
        String secret = lead.json().body(Map.of("name", "shell")).post("/api/v1/ci/teams/" + team + "/secrets")
                .then().statusCode(201).extract().path("value");
        Map<String, String> settings = new HashMap<>(Map.of("TOLLGATE_TEAM", team, "TOLLGATE_SECRET", secret,
                "TOLLGATE_ENVIRONMENT", "uat", "TOLLGATE_COMPONENT", "github.com/acme/orders", "TOLLGATE_GATE", "prod",
                "TOLLGATE_COMMIT", "9fceb02", "TOLLGATE_BRANCH", "main"));

        Run failing = run(settings, REPORT.toString());
        assertThat(failing.exit()).as(failing.output()).isEqualTo(1);
        assertThat(failing.output()).contains("\"records\":1").contains("\"verdict\":\"FAIL\"").contains("\"passed\":false")
                .contains("The promotion gate did not pass");

        waiveEveryCondition();
        Run passing = run(settings, REPORT.toString());
        assertThat(passing.exit()).as(passing.output()).isEqualTo(0);
        assertThat(passing.output()).contains("\"verdict\":\"PASS_WITH_WAIVERS\"").contains("\"passed\":true");
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(2))
                .body("items[0].commit", equalTo("9fceb02")).body("items[0].fileName", equalTo("handler.sarif"));

        settings.put("TOLLGATE_SECRET", "whsec_" + "A".repeat(44));
        Run refused = run(settings, REPORT.toString());
        assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("matches no valid signing secret").doesNotContain(secret);
    }

    @Test
    void theScriptUploadsWithABearerTokenAndRetriesAreIdempotent() throws Exception {
        String token = lead.json().body(Map.of("name", "shell", "scopes", List.of("scans:upload")))
                .post("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(201).extract().path("value");
        Map<String, String> settings = Map.of("TOLLGATE_TEAM", team, "TOLLGATE_TOKEN", token,
                "TOLLGATE_ENVIRONMENT", "dev", "TOLLGATE_COMPONENT", "github.com/acme/orders",
                "TOLLGATE_DELIVERY_ID", "pipeline-42-sast");
        Run first = run(settings, REPORT.toString());
        assertThat(first.exit()).as(first.output()).isEqualTo(0);
        Run retry = run(settings, REPORT.toString());
        assertThat(retry.exit()).as(retry.output()).isEqualTo(0);
        assertThat(retry.output()).isEqualTo(first.output());
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(1));
    }

    private void waiveEveryCondition() {
        Browser admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
        List<String> failed = lead.json().body(Map.of("team", team, "environment", "prod", "idempotencyKey", "probe"))
                .post("/api/v1/gate/evaluations").then().extract().path("conditions.findAll { it.status == 'FAIL' }.metric");
        for (String metric : failed) {
            ValidatableResponse requested = lead.json().body(Map.of("team", team, "kind", "CONDITION", "subject", metric,
                            "reason", "The shell example test waives every condition of the policy",
                            "expiresOn", LocalDate.now().plusDays(30).toString()))
                    .post("/api/v1/gate/waivers").then().statusCode(201);
            admin.json().post("/api/v1/gate/waivers/" + requested.extract().path("id") + "/approve").then().statusCode(200);
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> settings, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("TOLLGATE_"));
        builder.environment().putAll(settings);
        builder.environment().put("TOLLGATE_URL", ConfigProvider.getConfig().getValue("test.url", String.class));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
