package io.tollgate.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.support.Browser;
import io.tollgate.support.HeadlessChromium;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person in a real browser finds their sessions on the profile page and signs out another one, then all. */
@QuarkusTest
class ProfileBrowserTest {

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
    void aPersonSeesTheirSessionsAndSignsOutAnotherThenAll() {
        TestData.TestUser user = data.user();
        String base = root.toString().replaceAll("/$", "");
        HeadlessChromium.signIn(browser, base, user, totp);
        Browser script = Browser.signedIn(user, totp, 1);

        browser.navigate().refresh();
        browser.findElement(By.linkText(user.email())).click();
        HeadlessChromium.waitForPath(browser, "/profile");
        List<WebElement> rows = browser.findElements(By.cssSelector("#sessions-table tbody tr"));
        assertThat(rows).hasSize(2);
        WebElement current = browser.findElement(By.cssSelector("#sessions-table tr.current-session"));
        assertThat(current.getText()).contains("this session").contains("Headless Chrome");
        WebElement other = rows.stream().filter(r -> !r.getText().contains("this session")).findFirst().orElseThrow();
        assertThat(other.getText()).contains("Apache-HttpClient");

        other.findElement(By.cssSelector("input[name='proof']")).sendKeys(TestData.PASSWORD);
        other.findElement(By.cssSelector("button")).click();
        HeadlessChromium.waitForText(browser, ".flash", "That session is signed out.");
        assertThat(browser.findElements(By.cssSelector("#sessions-table tbody tr"))).hasSize(1);
        script.json().get("/api/v1/me").then().statusCode(401);

        browser.findElement(By.id("proof-all")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space()='Sign out of all sessions']")).click();
        HeadlessChromium.waitForPath(browser, "/signin");
        HeadlessChromium.waitForText(browser, ".flash", "signed out of all sessions");
        browser.get(base + "/profile");
        HeadlessChromium.waitForPath(browser, "/signin");
    }
}
