package io.tollgate.gate.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.gate.GateTeam;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Findings new since a baseline decision: the team's last passing decision for the target, or the passing one the
 * request names; a finding counts as new when first seen or reopened after it.
 */
@QuarkusTest
class BaselineApiTest {

    private static final Result OLD = new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "CRITICAL", "CWE-89");
    private static final Result MIDDLE = new Result("python.lambda.path-traversal", "src/orders/files.py", 7, "CRITICAL", "CWE-22");
    private static final Result LATEST = new Result("python.lambda.ssrf", "src/orders/fetch.py", 30, "HIGH", "CWE-918");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    GateTeam gate;
    String team;
    Browser lead;
    Browser admin;

    @BeforeEach
    void setUp() {
        gate = GateTeam.create(data, totp);
        team = gate.slug();
        lead = gate.lead();
        admin = gate.admin();
    }

    @Test
    void newFindingsCountFromTheLastPassingDecisionOrTheGivenOne() {
        importScan(List.of(OLD));
        evaluate("b0", null).body("verdict", equalTo("FAIL")).body("inputs.baseline", nullValue());
        int first = passWithWaivers("b1");
        importScan(List.of(OLD, MIDDLE));
        int passing = passWithWaivers("b2");
        importScan(List.of(OLD, MIDDLE, LATEST));

        evaluate("b3", null).body("inputs.baseline.decision", equalTo(passing))
                .body("inputs.baseline.open.HIGH", equalTo(1)).body("inputs.baseline.open.CRITICAL", nullValue());
        evaluate("b4", first).body("inputs.baseline.decision", equalTo(first))
                .body("inputs.baseline.open.HIGH", equalTo(1)).body("inputs.baseline.open.CRITICAL", equalTo(1));

        importScan(List.of(MIDDLE, LATEST));
        importScan(List.of(OLD, MIDDLE, LATEST));
        evaluate("b5", null).body("inputs.baseline.decision", equalTo(passing))
                .body("inputs.baseline.open.HIGH", equalTo(1)).body("inputs.baseline.open.CRITICAL", equalTo(1));
    }

    @Test
    void aGivenBaselineMustBeTheTeamsDecisionForTheSameTarget() {
        importScan(List.of(OLD));
        int uat = lead.json().body(request("uat", "u1", null)).post("/api/v1/gate/evaluations").then().statusCode(201)
                .extract().path("id");
        lead.json().body(request("prod", "p1", (long) uat)).post("/api/v1/gate/evaluations").then().statusCode(422)
                .body("errors[0].field", equalTo("baselineDecisionId")).body("detail", containsString("for prod"));
        lead.json().body(request("prod", "p2", 999_999_999L)).post("/api/v1/gate/evaluations").then().statusCode(422)
                .body("errors[0].field", equalTo("baselineDecisionId"));
    }

    /** Waives every failing condition, has the waivers approved and asks again: PASS_WITH_WAIVERS. */
    private int passWithWaivers(String key) {
        List<String> failed = evaluate(key + "-before", null).extract().path("conditions.findAll { it.status == 'FAIL' }.metric");
        for (String metric : failed) {
            int waiver = lead.json().body(Map.of("team", team, "kind", "CONDITION", "subject", metric,
                            "reason", "Accepted while the gate is adopted, owner: platform team",
                            "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()))
                    .post("/api/v1/gate/waivers").then().statusCode(201).extract().path("id");
            admin.json().post("/api/v1/gate/waivers/" + waiver + "/approve").then().statusCode(200);
        }
        int id = evaluate(key, null).body("verdict", equalTo("PASS_WITH_WAIVERS")).extract().path("id");
        lead.json().get("/api/v1/gate/waivers?team=" + team).then().extract().<List<Integer>>path("findAll { it.state == 'APPROVED' }.id")
                .forEach(waiver -> admin.json().post("/api/v1/gate/waivers/" + waiver + "/revoke").then().statusCode(200));
        return id;
    }

    private void importScan(List<Result> results) {
        gate.importScan(results);
    }

    private ValidatableResponse evaluate(String key, Integer baseline) {
        return gate.evaluate(key, baseline == null ? Map.of() : Map.of("baselineDecisionId", baseline));
    }

    private Map<String, Object> request(String environment, String key, Long baseline) {
        Map<String, Object> body = new HashMap<>(Map.of("team", team, "environment", environment, "idempotencyKey", key));
        if (baseline != null) {
            body.put("baselineDecisionId", baseline);
        }
        return body;
    }
}
