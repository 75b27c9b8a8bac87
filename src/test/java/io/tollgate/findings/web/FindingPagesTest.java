package io.tollgate.findings.web;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** The findings pages as a browser without JavaScript uses them: upload form, list, detail, status change. */
@QuarkusTest
class FindingPagesTest {

    private static final String REPORT = """
            {"results": [{"check_id": "javascript.lambda.eval-of-event", "path": "functions/render/index.js",
              "start": {"line": 8, "col": 3}, "end": {"line": 8, "col": 30},
              "extra": {"message": "event.body reaches eval()", "severity": "ERROR",
                "metadata": {"cwe": ["CWE-95: Eval Injection"]}, "lines": "requires login"}}], "errors": []}""";

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
    void anUploadThroughTheFormShowsTheScanAndItsFindings() {
        String scanPage = upload(REPORT).then().statusCode(303).header("Location", containsString("/scans/"))
                .extract().header("Location");
        lead.get(scanPage).then().statusCode(200).body(containsString("Imported 1 records: 1 new"))
                .body(containsString("semgrep"));
        String list = lead.get("/findings?team=" + team).then().statusCode(200)
                .body(containsString("event.body reaches eval()")).body(containsString("functions/render/index.js:8"))
                .body(containsString("A05:2025")).extract().asString();
        String detail = list.substring(list.indexOf("/findings/") , list.indexOf("\"", list.indexOf("/findings/")));
        lead.get(detail).then().statusCode(200).body(containsString("detected")).body(containsString("Learn the fix"))
                .body(containsString("Mark as false positive"));
    }

    @Test
    void aRefusedUploadExplainsWhyAndLinksTheRecordedAttempt() {
        upload(REPORT.substring(0, REPORT.indexOf("\"metadata\""))).then().statusCode(422)
                .body(containsString("The report was not imported and nothing changed"))
                .body(containsString("semgrep")).body(containsString("line"))
                .body(containsString("is recorded as"));
        lead.get("/scans?team=" + team).then().statusCode(200).body(containsString("refused"));
    }

    @Test
    void anUploadWithoutAFileIsRefusedInline() {
        lead.requestWithoutCsrfToken().multiPart("team", team).multiPart("environment", "dev").multiPart("component", "repo")
                .multiPart("csrf", lead.csrfToken()).post("/scans/upload")
                .then().statusCode(400).body(containsString("id=\"file-error\""));
    }

    @Test
    void aLeadMarksAFalsePositiveWithAReason() {
        upload(REPORT).then().statusCode(303);
        String list = lead.get("/findings?team=" + team).then().extract().asString();
        String detail = list.substring(list.indexOf("/findings/"), list.indexOf("\"", list.indexOf("/findings/")));
        lead.postForm(detail + "/status", Map.of("status", "FALSE_POSITIVE", "reason", "short"))
                .then().statusCode(400).body(containsString("id=\"reason-error\""));
        lead.postForm(detail + "/status", Map.of("status", "FALSE_POSITIVE", "reason", "Template literal only, no event data"))
                .then().statusCode(303).header("Location", endsWith(detail));
        lead.get(detail).then().body(containsString("Marked as a false positive.")).body(containsString("Open it again"));
        lead.get("/findings?team=" + team).then().body(not(containsString("event.body reaches eval()")));
    }

    @Test
    void reportTextIsShownEscapedAndReferencesAreNeverLinks() {
        String hostile = """
                {"results": [{"check_id": "x.<img src=x onerror=alert(1)>", "path": "functions/<b>render</b>.js",
                  "start": {"line": 3, "col": 1}, "end": {"line": 3, "col": 9},
                  "extra": {"message": "<script>alert('title')</script> reaches eval()", "severity": "ERROR",
                    "metadata": {"references": ["javascript:alert(document.cookie)", "https://example.com/\\"><script>x</script>"],
                      "cwe": ["CWE-79"]}, "lines": "requires login"}}], "errors": []}""";
        upload(hostile).then().statusCode(303);
        String list = lead.get("/findings?team=" + team).then().statusCode(200).extract().asString();
        String detail = list.substring(list.indexOf("/findings/"), list.indexOf("\"", list.indexOf("/findings/")));
        String page = lead.get(detail).then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(list + page)
                .doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>render")
                .doesNotContain("href=\"javascript:").doesNotContain("<script>x</script>");
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<li>javascript:alert(document.cookie)</li>");
    }

    @Test
    void theSupportedFormatsPageListsEveryParser() {
        lead.get("/formats").then().statusCode(200).body(containsString("<code>sarif</code>"))
                .body(containsString("<code>trivy</code>")).body(containsString("<code>prowler-csv</code>"));
    }

    @Test
    void anEmptyListSaysWhatToDo() {
        lead.get("/findings?team=" + team).then().statusCode(200).body(containsString("No finding matches."));
    }

    private io.restassured.response.Response upload(String report) {
        return lead.requestWithoutCsrfToken().multiPart("file", "semgrep.json", report.getBytes(StandardCharsets.UTF_8))
                .multiPart("team", team).multiPart("environment", "dev").multiPart("component", "github.com/acme/render")
                .multiPart("mode", "FULL").multiPart("csrf", lead.csrfToken()).post("/scans/upload");
    }
}
