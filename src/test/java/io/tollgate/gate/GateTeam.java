package io.tollgate.gate;

import io.restassured.response.ValidatableResponse;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh team with a signed-in lead and a security admin, for gate tests that import findings into {@code uat} and
 * ask the gate about {@code prod}.
 */
public record GateTeam(String slug, Browser lead, Browser admin) {

    public static GateTeam create(TestData data, TotpAuthenticator totp) {
        String team = data.team();
        TestData.TestUser lead = data.user();
        data.member(team, lead, TeamRole.LEAD);
        return new GateTeam(team, Browser.signedIn(lead, totp), Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp));
    }

    /** A full Semgrep scan of the team's repository in uat: findings it no longer names are fixed. */
    public void importScan(List<SemgrepReports.Result> results) {
        lead.request().contentType("application/json").body(SemgrepReports.report(results))
                .post("/api/v1/scans?team=" + slug + "&environment=uat&component=github.com/acme/orders&mode=full")
                .then().statusCode(201);
    }

    /** Asks the gate about prod with the key and any further fields; expects a new decision. */
    public ValidatableResponse evaluate(String key, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("team", slug, "environment", "prod", "idempotencyKey", key));
        body.putAll(extra);
        return lead.json().body(body).post("/api/v1/gate/evaluations").then().statusCode(201);
    }
}
