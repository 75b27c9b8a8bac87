package io.tollgate.findings.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Hostile reports against a server in a 512 MB heap (failsafe runs this class with {@code -Xmx512m}), with the
 * production limits: each is refused early (or its text cut with a marker), other requests keep answering while it
 * is read, and nothing is stored. The reports are generated as streams while they are sent; none is kept whole.
 */
@QuarkusTest
@TestProfile(HostileReportIT.ProductionLimits.class)
class HostileReportIT {

    /** The limits a production server has, not the test profile's small ones. */
    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tollgate.findings.max-report-bytes", "2147483648", "tollgate.findings.import-chunk-rows", "10000");
        }
    }

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

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
    void aGzipBombOfWhiteSpaceIsRefusedAfterItsFirstMegabytes() {
        // 3 GiB of white space inside a Bandit report, about 3 MB gzipped: 192 gzip members of 16 MiB each.
        byte[] spaces = gzip(" ".repeat(16 * 1024 * 1024));
        InputStream bomb = concat(() -> Stream.concat(Stream.of(gzip("{\"results\": [")),
                Stream.concat(Collections.nCopies(192, spaces).stream(), Stream.of(gzip("]}")))));

        upload(bomb, "bandit", "application/gzip").statusCode(413)
                .body("detail", containsString("decompresses to more than 100 times its compressed size"));
        nothingStored();
    }

    @Test
    void aGzippedReportOfExtremeRatioIsRefusedEarly() {
        // One Bandit issue repeated 1.5 million times (about 400 MB) compresses far better than any real report.
        String issue = "{\"test_id\": \"B101\", \"test_name\": \"assert_used\", \"issue_severity\": \"LOW\", "
                + "\"issue_confidence\": \"HIGH\", \"issue_text\": \"Use of assert detected.\", \"filename\": \"app.py\", "
                + "\"line_number\": 1, \"more_info\": \"https://bandit.readthedocs.io/\"},";
        byte[] issues = gzip(issue.repeat(10_000));
        InputStream report = concat(() -> Stream.concat(Stream.of(gzip("{\"results\": [")),
                Stream.concat(Collections.nCopies(150, issues).stream(), Stream.of(gzip(issue.replaceAll(",$", "") + "]}")))));

        upload(report, "bandit", "application/gzip").statusCode(413).body("detail", containsString("times its compressed size"));
        nothingStored();
    }

    @Test
    void aGitleaksLeakHoldingMillionsOfTinyObjectsIsRefused() {
        InputStream report = text("[{\"RuleID\": \"aws-access-token\", \"Fingerprint\": \"f\", \"Tags\": [", "{},", 10_000_000,
                "{}]}]");

        upload(report, "gitleaks", "application/json").statusCode(422)
                .body("detail", containsString("more than 2,000,000 tokens")).body("detail", containsString("line 1"));
        nothingStored();
    }

    @Test
    void banditMetricsOfMillionsOfTinyObjectsStreamPast() {
        InputStream report = text("{\"metrics\": {\"_totals\": [", "{},", 10_000_000, "{}]}, \"results\": []}");

        upload(report, "bandit", "application/json").statusCode(201).body("records", equalTo(0));
        nothingStored();
    }

    @Test
    void npmAuditMetadataOfMillionsOfTinyObjectsStreamsPast() {
        InputStream report = text("{\"auditReportVersion\": 2, \"vulnerabilities\": {}, \"metadata\": {\"x\": [", "{},",
                10_000_000, "{}]}}");

        upload(report, "npm-audit-v7", "application/json").statusCode(201).body("records", equalTo(0));
        nothingStored();
    }

    @Test
    void aZapDescriptionOfFiftyMillionCharactersIsCutWithAMarker() {
        int length = 50_000_000;
        InputStream report = text("""
                <?xml version="1.0"?>
                <OWASPZAPReport programName="ZAP" version="2.15.0"><site name="https://api.example.test"><alerts><alertitem>
                <pluginid>10035</pluginid><alert>Huge</alert><name>Huge</name><riskcode>1</riskcode><confidence>3</confidence>
                <desc>""", "x", length, """
                </desc><instances/><solution>Fix it.</solution><cweid>319</cweid></alertitem></alerts></site></OWASPZAPReport>""");

        upload(report, "zap", "application/xml").statusCode(201).body("records", equalTo(1));
        long id = lead.json().get("/api/v1/findings?team=" + team).then().statusCode(200).body("items", hasSize(1))
                .extract().jsonPath().getLong("items[0].id");
        String description = lead.json().get("/api/v1/findings/" + id).then().statusCode(200)
                .body("description.length()", lessThanOrEqualTo(65_536))
                .body("description", endsWith(" more characters]")).extract().jsonPath().getString("description");
        assertThat(description).startsWith("xxxx").matches("(?s)x+… \\[cut by Tollgate: 49,9\\d\\d,\\d\\d\\d more characters]");
        lead.get("/findings/" + id).then().statusCode(200).body(containsString("cut by Tollgate"));
    }

    @Test
    void deeplyNestedJsonIsRefusedNamingTheDepth() {
        InputStream report = text("[{\"RuleID\": \"r\", \"Fingerprint\": \"f\", \"Tags\": ", "[", 100_000, "");

        upload(report, "gitleaks", "application/json").statusCode(422)
                .body("detail", containsString("deeper than 100 levels")).body("detail", containsString("line 1, column"));
        nothingStored();
    }

    @Test
    void deeplyNestedXmlIsRefusedNamingTheDepth() {
        InputStream report = text("<?xml version=\"1.0\"?><OWASPZAPReport version=\"2.15.0\"><site name=\"x\"><alerts><alertitem>",
                "<a>", 100_000, "");

        upload(report, "zap", "application/xml").statusCode(422)
                .body("detail", containsString("deeper than 100 levels")).body("detail", containsString("line 1, column"));
        nothingStored();
    }

    /**
     * Uploads the report while another client asks for the health check every 20 ms; every answer it got while the
     * upload ran must be 200.
     */
    private ValidatableResponse upload(InputStream report, String format, String contentType) {
        AtomicBoolean uploading = new AtomicBoolean(true);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Thread other = new Thread(() -> {
            while (uploading.get()) {
                int status = RestAssured.given().get("/q/health/live").statusCode();
                if (uploading.get()) {
                    statuses.add(status);
                }
                sleep(20);
            }
        }, "health-checks-during-upload");
        other.start();
        try {
            sleep(50);
            return lead.request().contentType(contentType).body(report)
                    .post("/api/v1/scans?team=" + team + "&environment=dev&component=hostile&format=" + format).then();
        } finally {
            uploading.set(false);
            join(other);
            assertThat(statuses).as("health checks answered while the report was read").isNotEmpty().containsOnly(200);
        }
    }

    private void nothingStored() {
        lead.json().get("/api/v1/findings?team=" + team).then().statusCode(200).body("items", empty());
    }

    /** {@code head}, then {@code unit} {@code times} over, then {@code tail}, generated as it is read. */
    private static InputStream text(String head, String unit, int times, String tail) {
        byte[] block = unit.repeat(Math.max(1, 65_536 / unit.length())).getBytes(StandardCharsets.UTF_8);
        int perBlock = block.length / unit.length();
        return concat(() -> Stream.concat(Stream.of(head.getBytes(StandardCharsets.UTF_8)), Stream.concat(
                Stream.iterate(times, left -> left > 0, left -> left - perBlock)
                        .map(left -> left >= perBlock ? block : unit.repeat(left).getBytes(StandardCharsets.UTF_8)),
                Stream.of(tail.getBytes(StandardCharsets.UTF_8)))));
    }

    private static InputStream concat(Supplier<Stream<byte[]>> parts) {
        var iterator = parts.get().map(bytes -> (InputStream) new java.io.ByteArrayInputStream(bytes)).iterator();
        return new SequenceInputStream(new java.util.Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return iterator.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return iterator.next();
            }
        });
    }

    /** One gzip member; members concatenated are one gzip stream. */
    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
