package io.tollgate.support;

import io.tollgate.security.TotpAuthenticator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Debian's Chromium and ChromeDriver, headless, with the driver given explicitly so that Selenium Manager never
 * reaches for the network. .ci/run installs both packages.
 */
public final class HeadlessChromium {

    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String BROWSER = "/usr/bin/chromium";

    private HeadlessChromium() {
    }

    /** Signs in through the real pages, password then TOTP code, and waits for the home page. */
    public static void signIn(WebDriver browser, String baseUrl, TestData.TestUser user, TotpAuthenticator totp) {
        browser.get(baseUrl + "/signin");
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signin'] button")).click();
        waitForPath(browser, "/signin/verify");
        browser.findElement(By.id("code")).sendKeys(Browser.code(user, totp, 0));
        browser.findElement(By.cssSelector("form[action='/signin/verify'] button")).click();
        waitForPath(browser, "/");
    }

    /** Form posts answer with a redirect; waits until the browser has followed it to a URL ending in the path. */
    public static void waitForPath(WebDriver browser, String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*" + Pattern.quote(path) + "$"));
    }

    /**
     * Waits until the element the selector finds shows the text. While a click loads the next page, the element of
     * the page before may vanish between finding it and reading it; the wait then looks again.
     */
    public static void waitForText(WebDriver browser, String css, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    public static ChromeDriver start() {
        if (!new File(DRIVER).canExecute() || !new File(BROWSER).canExecute()) {
            throw new IllegalStateException("Browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        try {
            Path profile = Files.createTempDirectory("tollgate-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a Chromium profile folder", e);
        }
    }
}
