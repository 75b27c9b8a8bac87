package io.tollgate.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.GlobalRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.HeadlessChromium;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** A security admin in a real browser: signs in with a TOTP code, creates a team, adds a member and an account. */
@QuarkusTest
class PortalBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

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
    void adminCreatesATeamAddsAMemberAndAnAccountAndFindsThemOnTheTeamPage() {
        TestData.TestUser admin = data.user(GlobalRole.SECURITY_ADMIN);
        TestData.TestUser colleague = data.user();
        String slug = "browser-" + TestData.unique();
        String accountId = TestData.accountId();

        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin");
        HeadlessChromium.signIn(browser, url(""), admin, totp);
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome");

        browser.findElement(By.linkText("Teams")).click();
        browser.findElement(By.id("name")).sendKeys("Browser Team");
        browser.findElement(By.id("slug")).sendKeys("Not A Slug");
        browser.findElement(By.cssSelector("form[action='/teams'] button")).click();
        assertThat(browser.findElement(By.id("slug-error")).getText()).contains("lower-case");
        WebElement slugField = browser.findElement(By.id("slug"));
        slugField.clear();
        slugField.sendKeys(slug);
        browser.findElement(By.cssSelector("form[action='/teams'] button")).click();
        HeadlessChromium.waitForPath(browser, "/teams/" + slug);
        waitForFlash("Team Browser Team created.");

        browser.findElement(By.id("member-email")).sendKeys(colleague.email());
        new Select(browser.findElement(By.id("member-role"))).selectByValue("LEAD");
        browser.findElement(By.cssSelector("form[action='/teams/" + slug + "/members'] button")).click();
        waitForFlash("is now a lead of the team");

        browser.findElement(By.id("accountId")).sendKeys(accountId);
        browser.findElement(By.id("account-name")).sendKeys("Browser staging");
        new Select(browser.findElement(By.id("account-environment"))).selectByValue("staging");
        browser.findElement(By.cssSelector("form[action='/teams/" + slug + "/accounts'] button")).click();
        waitForFlash("Account " + accountId + " registered in Staging.");

        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector(".flash"))).as("the flash is shown once").isEmpty();
        assertThat(browser.findElement(By.id("members-table")).getText()).contains(colleague.email()).contains("Lead");
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby='env-staging']")).getText())
                .contains(accountId).contains("Browser staging");
    }

    private void waitForFlash(String text) {
        HeadlessChromium.waitForText(browser, ".flash", text);
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
