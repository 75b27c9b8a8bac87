package io.tollgate.scorecard.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.findings.SemgrepReports.Result;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
import io.tollgate.scorecard.ScorecardData;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.HeadlessChromium;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager in a real browser: finds a team on the overview's heatmap, drills down to its scorecard, reads the
 * trend chart and switches environment.
 */
@QuarkusTest
class ScorecardBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    ScorecardData scorecards;

    @Inject
    TotpAuthenticator totp;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aManagerDrillsDownFromTheHeatmapToATeamsTrend() {
        String team = data.team();
        TestData.TestUser lead = data.user();
        data.member(team, lead, TeamRole.LEAD);
        scorecards.snapshotDaysAgo(team, "dev", 30, 40.0);
        scorecards.snapshotDaysAgo(team, "dev", 10, 55.0);
        Browser.signedIn(lead, totp).request().contentType("application/json")
                .body(SemgrepReports.report(List.of(new Result("python.lambda.sql-injection", "src/orders/handler.py", 12,
                        "ERROR", "CWE-89: SQL Injection"))))
                .post("/api/v1/scans?team=" + team + "&environment=dev&component=github.com/acme/orders").then().statusCode(201);

        HeadlessChromium.signIn(browser, url(""), data.user(GlobalRole.MANAGER), totp);
        browser.get(url("/scorecards"));
        browser.findElement(By.id("o-q")).sendKeys(team);
        browser.findElement(By.cssSelector("form.inline button[type=submit]")).click();
        HeadlessChromium.waitForPath(browser, "&sort=");
        assertThat(browser.findElements(By.cssSelector("table.heatmap tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("table.heatmap tbody tr")).getText()).contains("Team " + team);

        browser.findElement(By.cssSelector("a[href='/scorecards/" + team + "/dev']")).click();
        HeadlessChromium.waitForPath(browser, "/scorecards/" + team + "/dev");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Scorecard of Team " + team);
        assertThat(browser.findElements(By.cssSelector("svg.trend-chart circle.dot"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("svg.trend-chart polyline.line")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".trend figcaption")).getText()).startsWith("From 40.0 on ");
        assertThat(browser.findElement(By.cssSelector("ol.fix-next")).getText()).contains("Fix the 1 open high finding");

        browser.findElement(By.cssSelector("nav.tabs a[href='/scorecards/" + team + "/prod']")).click();
        HeadlessChromium.waitForPath(browser, "/scorecards/" + team + "/prod");
        assertThat(browser.findElement(By.cssSelector("nav.tabs a.current")).getText()).isEqualTo("Production");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("No scan imported yet.");
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
