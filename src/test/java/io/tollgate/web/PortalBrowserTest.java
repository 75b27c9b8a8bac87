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

import io.restassured.response.Response;
import io.tollgate.org.TeamRole;
import io.tollgate.support.Browser;

import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Follows the portal's own links from the home page and checks each page it reaches. */
    @Test
    void everyPortalPageOfASignedInPersonHoldsTheSignOutForm() {
        TestData.TestUser adminUser = data.user(GlobalRole.SECURITY_ADMIN);
        String team = data.team();
        data.member(team, adminUser, TeamRole.LEAD);
        data.account(team, "dev");
        Browser admin = Browser.signedIn(adminUser, totp);

        Deque<String> queue = new ArrayDeque<>(List.of("/", "/teams/" + team));
        Set<String> seen = new HashSet<>(queue);
        Map<String, Integer> ofEachKind = new HashMap<>();
        List<String> checked = new ArrayList<>();
        while (!queue.isEmpty() && checked.size() < 60) {
            String path = queue.poll();
            Response page = admin.get(path);
            if (page.statusCode() != 200 || !page.contentType().startsWith("text/html")) {
                continue;
            }
            String html = page.asString();
            assertThat(html).as("the page %s", path).contains(SIGN_OUT_FORM).contains("name=\"csrf\"");
            checked.add(path);
            for (Matcher link = PORTAL_LINK.matcher(html); link.find(); ) {
                String next = link.group(1);
                String[] segments = next.split("/");
                String kind = (segments.length > 1 ? segments[1] : "") + "/" + segments.length;
                // The home page's links (the navigation) are all followed; deeper ones a few of each kind.
                boolean navigation = path.equals("/");
                if (NOT_PAGES.stream().noneMatch(next::startsWith) && seen.add(next)
                        && (navigation || ofEachKind.merge(kind, 1, Integer::sum) <= 3)) {
                    queue.add(next);
                }
            }
        }
        assertThat(checked).as("pages reached from the home page").hasSizeGreaterThan(10)
                .contains("/findings", "/admin/audit", "/admin/people");
    }

    private static final String SIGN_OUT_FORM = "<form class=\"signout\" method=\"post\" action=\"/signout\">";
    private static final Pattern PORTAL_LINK = Pattern.compile("href=\"(/[^\"#?]*)");
    /** Files, machine endpoints and the sign-in flow, which are not portal pages. */
    private static final List<String> NOT_PAGES = List.of("/static/", "/ci/", "/q/", "/favicon", "/signin", "/signout", "/api/");

    private void waitForFlash(String text) {
        HeadlessChromium.waitForText(browser, ".flash", text);
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
