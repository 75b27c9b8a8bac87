package io.tollgate.support;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium and ChromeDriver, headless, with the driver given explicitly so that Selenium Manager never
 * reaches for the network. .ci/run installs both packages.
 */
public final class HeadlessChromium {

    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String BROWSER = "/usr/bin/chromium";

    private HeadlessChromium() {
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
