package io.tollgate.gate.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.TeamRole;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a lead requests the promotion of an account, the gate fails it on one condition, the lead
 * requests a waiver, a security admin approves it, the lead asks the gate again, the promotion passes and the
 * security admin confirms it.
 */
@QuarkusTest
class GateBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    ChromeDriver browser;
    ChromeDriver adminBrowser;

    /** One browser per person: each signs in once, since a TOTP code is accepted only once. */
    @BeforeEach
    void openBrowsers() {
        browser = HeadlessChromium.start();
        adminBrowser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowsers() {
        browser.quit();
        adminBrowser.quit();
    }

    @Test
    void aFailedPromotionPassesOnceAnotherPersonApprovesAWaiver() {
        String team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        String account = data.account(team, "uat");
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        TestData.TestUser colleague = data.user();
        data.member(team, colleague, TeamRole.MEMBER);
        waiveEveryConditionBut("score", team, Browser.signedIn(colleague, totp),
                Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp));
        String page = "/gate/" + team + "/prod";

        HeadlessChromium.signIn(browser, url(""), leadUser, totp);
        browser.get(url(page));
        browser.findElement(By.cssSelector("#promotion-account option[value='" + account + "']")).click();
        browser.findElement(By.xpath("//button[text()='Request promotion']")).click();
        HeadlessChromium.waitForPath(browser, page);
        HeadlessChromium.waitForText(browser, ".flash", "NOT_PASSED");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("NOT_PASSED");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("FAIL");
        assertThat(browser.findElement(By.cssSelector("table.conditions")).getText()).contains("score >= 70 0 FAIL");

        browser.findElement(By.id("waiver-subject")).sendKeys("score");
        browser.findElement(By.id("waiver-reason")).sendKeys("New service, the score follows its first scans next week");
        browser.executeScript("document.getElementById('waiver-expiry').value = arguments[0]",
                LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());
        browser.findElement(By.xpath("//button[text()='Request waiver']")).click();
        HeadlessChromium.waitForPath(browser, page);
        HeadlessChromium.waitForText(browser, ".flash", "requested");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("requested");

        HeadlessChromium.signIn(adminBrowser, url(""), adminUser, totp);
        adminBrowser.get(url(page));
        adminBrowser.findElement(By.xpath("//tr[td[text()='CONDITION score']]//button[starts-with(text(), 'Approve')]")).click();
        HeadlessChromium.waitForPath(adminBrowser, page);
        HeadlessChromium.waitForText(adminBrowser, ".flash", "APPROVED");
        assertThat(adminBrowser.findElement(By.cssSelector(".flash")).getText()).contains("APPROVED");

        browser.get(url(page));
        browser.findElement(By.xpath("//button[starts-with(text(), 'Ask the gate again')]")).click();
        HeadlessChromium.waitForPath(browser, page);
        HeadlessChromium.waitForText(browser, ".flash", "AWAITING_CONFIRMATION");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("AWAITING_CONFIRMATION")
                .contains("PASS_WITH_WAIVERS");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("PASS_WITH_WAIVERS");
        assertThat(browser.findElement(By.cssSelector("table.promotions")).getText()).contains("AWAITING_CONFIRMATION");

        adminBrowser.get(url(page));
        adminBrowser.findElement(By.xpath("//button[starts-with(text(), 'Confirm')]")).click();
        HeadlessChromium.waitForPath(adminBrowser, page);
        HeadlessChromium.waitForText(adminBrowser, ".flash", "PROMOTED");
        assertThat(adminBrowser.findElement(By.cssSelector(".flash")).getText()).contains("PROMOTED");
    }

    /** Approved waivers for every condition of the default policy but one, so that the test turns on that one. */
    private void waiveEveryConditionBut(String metric, String team, Browser lead, Browser admin) {
        List<String> metrics = lead.json().body(Map.of("team", team, "environment", "prod", "idempotencyKey", "setup"))
                .post("/api/v1/gate/evaluations").then().statusCode(201).extract().path("conditions.metric");
        for (String other : metrics.stream().filter(m -> !m.equals(metric)).toList()) {
            int id = lead.json().body(Map.of("team", team, "kind", "CONDITION", "subject", other,
                            "reason", "Covered by the test set-up, not under test here", "expiresOn",
                            LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()))
                    .post("/api/v1/gate/waivers").then().statusCode(201).extract().path("id");
            admin.json().post("/api/v1/gate/waivers/" + id + "/approve").then().statusCode(200);
        }
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
