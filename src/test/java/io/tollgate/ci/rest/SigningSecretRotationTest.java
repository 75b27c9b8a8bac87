package io.tollgate.ci.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tollgate.ci.Signing;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.TeamRole;
import io.tollgate.security.EarlierKeys;
import io.tollgate.security.Resealing;
import io.tollgate.security.SecurityConfig;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * A rotation of the session secret as the CI webhook sees it: a signing secret sealed under the earlier secret (the
 * test profile's previous one), or in the format before key ids, still verifies deliveries, and the re-seal job moves
 * it to the current key without changing what it verifies.
 */
@QuarkusTest
class SigningSecretRotationTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityConfig security;

    @Inject
    Resealing resealing;

    String team;
    Browser lead;
    byte[] report;
    String earlier;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        lead = Browser.signedIn(leadUser, totp);
        report = SemgrepReports.report(List.of(new SemgrepReports.Result("rules.sqli", "src/app.py", 12, "ERROR", "CWE-89")))
                .getBytes(StandardCharsets.UTF_8);
        earlier = security.previousSessionSecrets().orElseThrow().get(0);
    }

    @Test
    void aSigningSecretSealedBeforeARotationStillVerifiesAndIsResealedUnderTheCurrentKey() throws SQLException {
        Issued secret = secret();
        byte[] after = verifiesBeforeAndAfterTheReseal(secret,
                EarlierKeys.seal(earlier, secret.value().getBytes(StandardCharsets.UTF_8), secret.context()));
        resealing.run();
        assertThat(stored(secret.id())).isEqualTo(after);
    }

    @Test
    void aSigningSecretSealedBeforeKeyIdsExistedSurvivesTheUpgradeAndIsResealed() throws SQLException {
        Issued secret = secret();
        verifiesBeforeAndAfterTheReseal(secret,
                EarlierKeys.sealWithoutKeyId(earlier, secret.value().getBytes(StandardCharsets.UTF_8), secret.context()));
    }

    /** Stores the secret as sealed before, checks a delivery, re-seals, checks another; the value after the re-seal. */
    private byte[] verifiesBeforeAndAfterTheReseal(Issued secret, byte[] before) throws SQLException {
        store(secret.id(), before);
        signed(secret.value(), "before-" + secret.id()).statusCode(200);

        resealing.run();
        byte[] after = stored(secret.id());
        assertThat(after).isNotEqualTo(before);
        assertThat(EarlierKeys.opens(earlier, after, secret.context())).isFalse();
        signed(secret.value(), "after-" + secret.id()).statusCode(200);
        return after;
    }

    @Test
    void aValueThatNoKeyOpensIsCountedAndLeftAsItIs() throws SQLException {
        Issued secret = secret();
        byte[] foreign = EarlierKeys.seal(EarlierKeys.newSecret(), secret.value().getBytes(StandardCharsets.UTF_8), secret.context());
        store(secret.id(), foreign);

        assertThat(resealing.run().unreadable()).isPositive();
        assertThat(stored(secret.id())).isEqualTo(foreign);
        signed(secret.value(), "foreign-1").statusCode(401).body("detail", containsString("no valid signing secret"));
    }

    @Test
    void aSecretOfAnotherTeamSealedUnderTheEarlierKeyDoesNotVerifyThisTeamsDeliveries() throws SQLException {
        Issued secret = secret();
        byte[] otherTeams = EarlierKeys.seal(earlier, secret.value().getBytes(StandardCharsets.UTF_8),
                "ci-signing-secret:" + (secret.teamId() + 1));
        store(secret.id(), otherTeams);
        signed(secret.value(), "moved-1").statusCode(401);
        resealing.run();
        assertThat(stored(secret.id())).isEqualTo(otherTeams);
    }

    private record Issued(long id, long teamId, String value) {
        String context() {
            return "ci-signing-secret:" + teamId;
        }
    }

    private Issued secret() throws SQLException {
        var created = lead.json().body(Map.of("name", "signing " + TestData.unique()))
                .post("/api/v1/ci/teams/" + team + "/secrets").then().statusCode(201).extract();
        long id = ((Number) created.path("secret.id")).longValue();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT team_id FROM ci_signing_secret WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new Issued(id, row.getLong(1), created.path("value"));
            }
        }
    }

    private void store(long id, byte[] sealed) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE ci_signing_secret SET sealed = ? WHERE id = ?")) {
            statement.setBytes(1, sealed);
            statement.setLong(2, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private byte[] stored(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT sealed FROM ci_signing_secret WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private ValidatableResponse signed(String secret, String delivery) {
        String query = "team=" + team + "&environment=dev&component=acme/app";
        return Signing.github(secret, delivery, Signing.now(), query, report).post(Signing.WEBHOOK + "?" + query).then();
    }
}
