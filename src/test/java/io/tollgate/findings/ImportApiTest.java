package io.tollgate.findings;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Imports through the API: the lifecycle across scans, all-or-nothing refusals, and what can be uploaded how. */
@QuarkusTest
class ImportApiTest {

    private static final Result SQL = new Result("python.lambda.sql-injection", "src/orders/handler.py", 12, "ERROR", "CWE-89: SQL Injection");
    private static final Result PATH = new Result("python.lambda.path-traversal", "src/files/handler.py", 40, "WARNING", "CWE-22: Path Traversal");
    private static final Result LOG = new Result("python.lambda.log-injection", "src/audit/handler.py", 7, "INFO", "CWE-117: Log Injection");

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    String team;
    Browser lead;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser user = data.user();
        data.member(team, user, TeamRole.LEAD);
        lead = Browser.signedIn(user, totp);
    }

    @Test
    void findingsLiveThroughNewUnchangedFixedAndReopened() {
        upload(List.of(SQL, PATH, LOG), "full").statusCode(201)
                .body("newCount", equalTo(3)).body("unchanged", equalTo(0)).body("fixed", equalTo(0))
                .body("format", equalTo("semgrep")).body("openBySeverity.HIGH", equalTo(1))
                .body("openBySeverity.MEDIUM", equalTo(1)).body("openBySeverity.LOW", equalTo(1));
        upload(List.of(SQL, PATH, LOG), "full").statusCode(201)
                .body("newCount", equalTo(0)).body("unchanged", equalTo(3));
        upload(List.of(SQL, LOG), "full").statusCode(201)
                .body("fixed", equalTo(1)).body("unchanged", equalTo(2)).body("openBySeverity.MEDIUM", equalTo(0));
        upload(List.of(SQL, PATH, LOG), "full").statusCode(201)
                .body("reopened", equalTo(1)).body("newCount", equalTo(0)).body("unchanged", equalTo(2));

        long pathFinding = findingId("python.lambda.path-traversal");
        lead.json().get("/api/v1/findings/" + pathFinding).then().statusCode(200)
                .body("history.kind", equalTo(List.of("DETECTED", "FIXED", "REOPENED")))
                .body("timesReopened", equalTo(1)).body("finding.status", equalTo("OPEN"));
    }

    @Test
    void aReimportMovesLastSeenAndTakesWhatTheToolSaysToday() {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        long id = findingId("python.lambda.sql-injection");
        String firstSeen = lead.json().get("/api/v1/findings/" + id).then().extract().path("finding.lastSeenAt");

        Result downgraded = new Result(SQL.rule(), SQL.path(), SQL.line(), "WARNING", SQL.cwe());
        upload(List.of(downgraded, PATH), "full").statusCode(201).body("unchanged", equalTo(2))
                .body("openBySeverity.HIGH", equalTo(0)).body("openBySeverity.MEDIUM", equalTo(2));
        lead.json().get("/api/v1/findings/" + id).then().statusCode(200)
                .body("finding.severity", equalTo("MEDIUM")).body("finding.firstSeenAt", equalTo(firstSeen))
                .body("finding.lastSeenAt", not(equalTo(firstSeen)));
    }

    @Test
    void aFindingReportedAgainAfterItsFixWithAnotherSeverityIsReopenedWithIt() {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        upload(List.of(SQL), "full").statusCode(201).body("fixed", equalTo(1));

        Result raised = new Result(PATH.rule(), PATH.path(), PATH.line(), "ERROR", PATH.cwe());
        upload(List.of(SQL, raised, LOG), "full").statusCode(201)
                .body("reopened", equalTo(1)).body("newCount", equalTo(1)).body("unchanged", equalTo(1))
                .body("openBySeverity.HIGH", equalTo(2)).body("openBySeverity.LOW", equalTo(1));
        lead.json().get("/api/v1/findings/" + findingId("python.lambda.path-traversal")).then().statusCode(200)
                .body("finding.status", equalTo("OPEN")).body("finding.severity", equalTo("HIGH"))
                .body("timesReopened", equalTo(1));
    }

    @Test
    void aFindingNoLaterScanReportedIsLastSeenAtItsDetectionAndFixedWhenAFullScanOmitsIt() {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        long id = findingId("python.lambda.path-traversal");
        String firstSeen = lead.json().get("/api/v1/findings/" + id).then().extract().path("finding.firstSeenAt");
        lead.json().get("/api/v1/findings/" + id).then().body("finding.lastSeenAt", equalTo(firstSeen));

        upload(List.of(SQL), "full").statusCode(201)
                .body("fixed", equalTo(1)).body("unchanged", equalTo(1)).body("newCount", equalTo(0));
        lead.json().get("/api/v1/findings/" + id).then().body("finding.status", equalTo("FIXED"))
                .body("finding.lastSeenAt", equalTo(firstSeen));
        lead.json().get("/api/v1/findings/" + findingId("python.lambda.sql-injection")).then()
                .body("finding.status", equalTo("OPEN")).body("finding.lastSeenAt", not(equalTo(firstSeen)));
    }

    @Test
    void theFingerprintKeyIsTheFingerprintsFirst64Bits() throws SQLException {
        upload(List.of(SQL, PATH, LOG), "full").statusCode(201);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String ofThisTeam = "FROM finding f JOIN team t ON t.id = f.team_id WHERE t.slug = '" + team + "'";
            assertThat(count(sql, "SELECT count(*) " + ofThisTeam)).isEqualTo(3);
            // The formula migration V17 used for the rows it found.
            assertThat(count(sql, "SELECT count(*) " + ofThisTeam
                    + " AND f.fingerprint_key = ('x' || left(f.fingerprint, 16))::bit(64)::bigint")).isEqualTo(3);
        }
    }

    @Test
    void twoFingerprintsSharingTheirKeyAreRefusedWithoutChangingAnything() throws SQLException {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        long sql = findingId("python.lambda.sql-injection");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // The stored finding keeps its key but not the rest of its fingerprint: the report's SQL finding is then a
            // different fingerprint with the same first 64 bits, as a chance clash of SHA-256 prefixes would be.
            statement.executeUpdate("UPDATE finding SET fingerprint = left(fingerprint, 16) || repeat('0', 48) WHERE id = " + sql);
            lead.request().contentType("application/json").body(SemgrepReports.report(List.of(SQL, PATH)))
                    .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders&mode=full")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("begin with the same 16 hexadecimal digits"));
            assertThat(count(statement, "SELECT count(*) FROM finding_sighting s JOIN finding f ON f.id = s.finding_id"
                    + " JOIN team t ON t.id = f.team_id WHERE t.slug = '" + team + "'")).isZero();
        }
        lead.json().get("/api/v1/scans?team=" + team).then()
                .body("items[0].outcome", equalTo("REFUSED")).body("items[0].errorReason", containsString("16 hexadecimal"));
        lead.json().get("/api/v1/findings?team=" + team).then().body("items", hasSize(2));
    }

    @Test
    void findingsAndTheirSightingsGoWithTheirComponent() throws SQLException {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String ofThisTeam = "(SELECT f.id FROM finding f JOIN team t ON t.id = f.team_id WHERE t.slug = '" + team + "')";
            assertThat(count(sql, "SELECT count(*) FROM finding_sighting WHERE finding_id IN " + ofThisTeam)).isZero();
            upload(List.of(SQL, PATH), "full").statusCode(201).body("unchanged", equalTo(2));
            assertThat(count(sql, "SELECT count(*) FROM finding_sighting WHERE finding_id IN " + ofThisTeam)).isEqualTo(2);
            List<Long> findings = new ArrayList<>();
            try (ResultSet ids = sql.executeQuery(ofThisTeam.substring(1, ofThisTeam.length() - 1))) {
                while (ids.next()) {
                    findings.add(ids.getLong(1));
                }
            }
            sql.executeUpdate("DELETE FROM component c USING team t WHERE t.id = c.team_id AND t.slug = '" + team + "'");
            String listed = findings.stream().map(String::valueOf).collect(Collectors.joining(","));
            assertThat(count(sql, "SELECT count(*) FROM finding WHERE id IN (" + listed + ")")).isZero();
            assertThat(count(sql, "SELECT count(*) FROM finding_sighting WHERE finding_id IN (" + listed + ")")).isZero();
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void twoUploadsOfOneComponentAtOnceAreImportedOneAfterTheOther() throws Exception {
        List<Result> results = new ArrayList<>();
        for (int line = 1; line <= 200; line++) {
            results.add(new Result(SQL.rule(), SQL.path(), line, SQL.severity(), SQL.cwe()));
        }
        ExecutorService uploaders = Executors.newFixedThreadPool(2);
        try {
            Callable<ExtractableResponse<Response>> upload = () -> upload(results, "full").extract();
            List<Future<ExtractableResponse<Response>>> answers = uploaders.invokeAll(List.of(upload, upload));

            List<Integer> created = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(201);
                created.add(answer.get().path("newCount"));
            }
            assertThat(created).containsExactlyInAnyOrder(200, 0);
        } finally {
            uploaders.shutdown();
        }
        upload(results, "full").statusCode(201).body("newCount", equalTo(0)).body("unchanged", equalTo(200))
                .body("openBySeverity.HIGH", equalTo(200));
    }

    @Test
    void aRepositoryNameLongerThanTheTableKeepsIsRefusedAndALongOneIsShortened() {
        String report = SemgrepReports.report(List.of(SQL));
        lead.request().contentType("application/json").body(report)
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=" + "r".repeat(296))
                .then().statusCode(400).body("errors[0].field", equalTo("component"))
                .body("errors[0].message", containsString("301 characters"));

        String longName = "github.com/acme/" + "x".repeat(200);
        lead.request().contentType("application/json").body(report)
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=" + longName).then().statusCode(201);
        lead.json().get("/api/v1/teams/" + team + "/components").then().statusCode(200)
                .body("find { it.key == 'repo:" + longName + "' }.name", equalTo(longName.substring(0, 119) + "…"));
    }

    @Test
    void theSlaRunsFromFirstSeenWhetherAFindingCameInTheFirstReportOrLater() {
        upload(List.of(SQL), "full").statusCode(201);
        upload(List.of(SQL, PATH, LOG), "full").statusCode(201).body("newCount", equalTo(2));

        assertThat(slaDays("python.lambda.sql-injection")).isEqualTo(Duration.ofDays(30));
        assertThat(slaDays("python.lambda.path-traversal")).isEqualTo(Duration.ofDays(90));
        assertThat(slaDays("python.lambda.log-injection")).isEqualTo(Duration.ofDays(180)); // Semgrep's INFO is LOW
    }

    private Duration slaDays(String rule) {
        JsonPath finding = lead.json().get("/api/v1/findings/" + findingId(rule)).then().statusCode(200).extract().jsonPath();
        return Duration.between(Instant.parse(finding.getString("finding.firstSeenAt")),
                Instant.parse(finding.getString("finding.slaDueAt")));
    }

    @Test
    void aPartialScanFixesNothing() {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        upload(List.of(SQL), "partial").statusCode(201).body("fixed", equalTo(0)).body("unchanged", equalTo(1));
        lead.json().get("/api/v1/findings?team=" + team).then().body("items", hasSize(2));
    }

    @Test
    void aReportThatBreaksHalfWayChangesNothingAndIsInTheHistory() {
        upload(List.of(SQL), "full").statusCode(201);
        String full = SemgrepReports.report(List.of(PATH, LOG, SQL));
        String truncated = full.substring(0, full.indexOf("python.lambda.log-injection") + 40);
        lead.request().contentType("application/json").body(truncated)
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("format", equalTo("semgrep")).body("position", containsString("line"))
                .body("scan", notNullValue()).body("detail", containsString("semgrep"));
        lead.json().get("/api/v1/findings?team=" + team).then().body("items", hasSize(1))
                .body("items[0].ruleId", equalTo("python.lambda.sql-injection"));
        lead.json().get("/api/v1/scans?team=" + team).then().statusCode(200)
                .body("items[0].outcome", equalTo("REFUSED")).body("items[0].errorReason", containsString("JSON"))
                .body("items[1].outcome", equalTo("IMPORTED"));
    }

    @Test
    void aReportThatBreaksAfterSeveralMergedChunksChangesNothing() {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        Result third = new Result("python.lambda.ssrf", "src/proxy/handler.py", 3, "ERROR", "CWE-918: SSRF");
        Result fourth = new Result("python.lambda.xxe", "src/import/handler.py", 9, "ERROR", "CWE-611: XXE");
        String full = SemgrepReports.report(List.of(LOG, third, fourth, SQL, PATH));
        String truncated = full.substring(0, full.lastIndexOf("python.lambda.path-traversal") + 10);
        lead.request().contentType("application/json").body(truncated)
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders")
                .then().statusCode(422).body("format", equalTo("semgrep"));
        lead.json().get("/api/v1/findings?team=" + team + "&status=OPEN,FIXED").then()
                .body("items.ruleId", containsInAnyOrder("python.lambda.sql-injection", "python.lambda.path-traversal"))
                .body("items.status", everyItem(equalTo("OPEN")));
        upload(List.of(SQL, PATH), "full").statusCode(201).body("newCount", equalTo(0)).body("unchanged", equalTo(2));
    }

    @Test
    void unknownAndUnrecognisedFormatsAreRefusedWithTheSupportedOnes() {
        lead.request().contentType("application/json").body("{}")
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=repo&format=nessus")
                .then().statusCode(400).body("supportedFormats", hasItem("semgrep")).body("detail", containsString("nessus"));
        lead.request().contentType("application/octet-stream").body("just some text, not a report".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=repo")
                .then().statusCode(415).body("supportedFormats", hasItem("semgrep")).body("scan", notNullValue());
    }

    @Test
    void anEmptyUploadIsRefusedEvenWithANamedFormatAndClosesNothing() {
        upload(List.of(SQL), "full").statusCode(201);
        lead.request().contentType("application/json").body("")
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders&format=semgrep")
                .then().statusCode(422).body("detail", containsString("empty"));
        lead.json().get("/api/v1/findings?team=" + team).then().body("items", hasSize(1));
    }

    @Test
    void gzipAndMultipartUploadsAreAccepted() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(SemgrepReports.report(List.of(SQL)).getBytes(StandardCharsets.UTF_8));
        }
        lead.request().contentType("application/json").header("Content-Encoding", "gzip").body(zipped.toByteArray())
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=repo-a")
                .then().statusCode(201).body("newCount", equalTo(1));
        lead.requestWithoutCsrfToken().multiPart("file", "semgrep.json", SemgrepReports.report(List.of(SQL, PATH)).getBytes(StandardCharsets.UTF_8))
                .multiPart("team", team).multiPart("environment", "dev").multiPart("component", "repo-b")
                .multiPart("commit", "0123abc").multiPart("csrf", lead.csrfToken()).post("/api/v1/scans")
                .then().statusCode(201).body("newCount", equalTo(2));
        lead.json().get("/api/v1/scans?team=" + team + "&component=repo:repo-b").then()
                .body("items[0].fileName", equalTo("semgrep.json")).body("items[0].commit", equalTo("0123abc"));
    }

    @Test
    void findingsAreClassifiedAndLinkedToTheirLesson() {
        upload(List.of(SQL), "full").statusCode(201);
        lead.json().get("/api/v1/findings?team=" + team).then().statusCode(200)
                .body("items[0].owaspCategory", equalTo("A05:2025"))
                .body("items[0].cwe", equalTo(List.of("CWE-89")))
                .body("items[0].lesson.href", containsString("/lessons/"))
                .body("items[0].file", equalTo("src/orders/handler.py")).body("items[0].line", equalTo(12))
                .body("items[0].slaDueAt", notNullValue());
    }

    @Test
    void falsePositivesSurviveReimportsAndAreAudited() {
        upload(List.of(SQL, PATH), "full").statusCode(201);
        long id = findingId("python.lambda.sql-injection");
        lead.json().body(Map.of("status", "FALSE_POSITIVE", "reason", "too short")).post("/api/v1/findings/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        lead.json().body(Map.of("status", "FALSE_POSITIVE", "reason", "Input is a constant table name, never user data"))
                .post("/api/v1/findings/" + id + "/status").then().statusCode(200)
                .body("finding.status", equalTo("FALSE_POSITIVE")).body("history.kind", hasItem("STATUS_CHANGED"));
        upload(List.of(SQL, PATH), "full").statusCode(201).body("unchanged", equalTo(2));
        upload(List.of(PATH), "full").statusCode(201).body("fixed", equalTo(0));
        lead.json().get("/api/v1/findings/" + id).then().body("finding.status", equalTo("FALSE_POSITIVE"));
        lead.json().get("/api/v1/findings?team=" + team + "&status=FALSE_POSITIVE").then().body("items", hasSize(1));
    }

    @Test
    void membersUploadButOnlyLeadsChangeStatusAndOutsidersSeeNothing() {
        TestData.TestUser member = data.user();
        data.member(team, member, TeamRole.MEMBER);
        Browser memberBrowser = Browser.signedIn(member, totp);
        memberBrowser.request().contentType("application/json").body(SemgrepReports.report(List.of(SQL)))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=repo").then().statusCode(201);
        long id = findingId("python.lambda.sql-injection");
        memberBrowser.json().body(Map.of("status", "FALSE_POSITIVE", "reason", "Not reachable from any handler at all"))
                .post("/api/v1/findings/" + id + "/status").then().statusCode(403);

        Browser outsider = Browser.signedIn(data.user(), totp);
        outsider.request().contentType("application/json").body(SemgrepReports.report(List.of(SQL)))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=repo").then().statusCode(404);
        outsider.json().get("/api/v1/findings/" + id).then().statusCode(404);
        outsider.json().get("/api/v1/findings").then().body("items.id", org.hamcrest.Matchers.not(hasItem((int) id)));
        Browser manager = Browser.signedIn(data.user(GlobalRole.MANAGER), totp);
        manager.json().get("/api/v1/findings/" + id).then().statusCode(200);
    }

    @Test
    void theListFiltersAndPagesByCursor() {
        upload(List.of(SQL, PATH, LOG), "full").statusCode(201);
        var first = lead.json().get("/api/v1/findings?team=" + team + "&limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].severity", equalTo("HIGH")).extract();
        String cursor = first.path("nextCursor");
        lead.json().get("/api/v1/findings?team=" + team + "&limit=2&cursor=" + cursor).then()
                .body("items", hasSize(1)).body("items[0].severity", equalTo("LOW")).body("nextCursor", nullValue());
        lead.json().get("/api/v1/findings?team=" + team + "&severity=MEDIUM,LOW").then().body("items", hasSize(2));
        lead.json().get("/api/v1/findings?team=" + team + "&cwe=CWE-22").then().body("items.ruleId",
                equalTo(List.of("python.lambda.path-traversal")));
        lead.json().get("/api/v1/findings?team=" + team + "&owasp=A05:2025").then().body("items", hasSize(1));
        lead.json().get("/api/v1/findings?team=" + team + "&q=AUDIT").then().body("items", hasSize(1));
        lead.json().get("/api/v1/findings/counts?team=" + team).then()
                .body("total", equalTo(3)).body("bySeverity.HIGH", equalTo(1)).body("byOwaspCategory", notNullValue());
        lead.json().get("/api/v1/findings?cursor=garbage").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        lead.json().get("/api/v1/findings?severity=URGENT").then().statusCode(400).body("errors[0].field", equalTo("severity"));
    }

    @Test
    void theListSortsByLastSeenWhetherOrNotALaterScanReportedTheFinding() {
        upload(List.of(LOG), "full").statusCode(201);
        upload(List.of(PATH), "partial").statusCode(201);
        upload(List.of(LOG, SQL), "partial").statusCode(201);
        // LOG was seen again by the third scan, SQL detected by it; PATH was last seen at its detection, before both.
        var first = lead.json().get("/api/v1/findings?team=" + team + "&sort=last-seen&limit=2").then().statusCode(200)
                .body("items.ruleId", equalTo(List.of("python.lambda.sql-injection", "python.lambda.log-injection")))
                .extract();
        lead.json().get("/api/v1/findings?team=" + team + "&sort=last-seen&limit=2&cursor=" + first.path("nextCursor"))
                .then().body("items.ruleId", equalTo(List.of("python.lambda.path-traversal"))).body("nextCursor", nullValue());
    }

    @Test
    void aMultipartUploadWithoutTheCsrfTokenIsRefused() {
        lead.requestWithoutCsrfToken().multiPart("file", "semgrep.json", SemgrepReports.report(List.of(SQL)).getBytes(StandardCharsets.UTF_8))
                .multiPart("team", team).multiPart("environment", "dev").multiPart("component", "repo")
                .post("/api/v1/scans").then().statusCode(403);
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(0));
    }

    @Test
    void reportsOverTheLimitAreRefusedWith413() {
        StringBuilder big = new StringBuilder();
        List<Result> many = new java.util.ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            many.add(new Result("rule-" + i, "src/f" + i + ".py", i + 1, "INFO", "CWE-20"));
        }
        big.append(SemgrepReports.report(many));
        lead.request().contentType("application/json").body(big.toString())
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=repo")
                .then().statusCode(413).body("title", equalTo("Report too large"));
        lead.json().get("/api/v1/findings?team=" + team).then().body("items", hasSize(0));
    }

    @Test
    void otherRequestsAreHeldToASmallBody() {
        lead.json().body("{\"slug\": \"" + "x".repeat(1_100_000) + "\"}").post("/api/v1/teams").then().statusCode(413);
    }

    @Test
    void theSupportedFormatsAreListed() {
        lead.json().get("/api/v1/formats").then().statusCode(200).body("id", hasItems("semgrep"));
    }

    private ValidatableResponse upload(List<Result> results, String mode) {
        return lead.request().contentType("application/json").body(SemgrepReports.report(results))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders&mode=" + mode)
                .then();
    }

    private long findingId(String rule) {
        Number id = lead.json().get("/api/v1/findings?team=" + team + "&status=OPEN,FIXED,FALSE_POSITIVE")
                .then().extract().path("items.find { it.ruleId == '" + rule + "' }.id");
        return id.longValue();
    }
}
