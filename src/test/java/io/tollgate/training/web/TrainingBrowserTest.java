package io.tollgate.training.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.HeadlessChromium;
import io.tollgate.support.TestData;
import io.tollgate.training.TrainingData;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.Question;
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
 * A learner in a real browser: opens the lesson the home page says to resume, fails its quiz once, passes it, and
 * then sees the curriculum finished and its certificate.
 */
@QuarkusTest
class TrainingBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    TrainingData training;

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
    void aLearnerFailsTheAssignedLessonOncePassesItAndGetsTheCertificate() {
        TestData.TestUser learner = data.user();
        data.member(data.team(), learner, TeamRole.MEMBER);
        List<Lesson> onboarding = training.curriculumLessons("onboarding");
        Lesson last = onboarding.get(onboarding.size() - 1);
        training.completed(learner, onboarding.subList(0, onboarding.size() - 1));

        HeadlessChromium.signIn(browser, url(""), learner, totp);
        assertThat(text("#plan-table")).contains("Onboarding").contains("11 of 12 lessons");
        browser.findElement(By.id("resume")).click();
        HeadlessChromium.waitForPath(browser, last.path());
        assertThat(text("h1")).isEqualTo(last.title());

        for (Question question : last.quiz()) {
            click(question, TrainingData.wrongOption(question));
        }
        browser.findElement(By.id("submit-quiz")).click();
        assertThat(waitForText("#score", "not passed")).contains("0 of " + last.quiz().size());
        assertThat(text("main")).contains("Attempt 1");

        browser.findElement(By.id("retry")).click();
        for (Question question : last.quiz()) {
            question.correctOptions().forEach(option -> click(question, option));
        }
        browser.findElement(By.id("submit-quiz")).click();
        assertThat(waitForText("#score", "passed")).contains(last.quiz().size() + " of " + last.quiz().size())
                .doesNotContain("not passed");
        assertThat(text("main")).contains("Attempt 2");

        browser.get(url("/"));
        assertThat(text("#plan-table")).contains("12 of 12 lessons").contains("done");
        assertThat(text("main")).contains("All your assignments are done");
        browser.findElement(By.linkText("Certificate")).click();
        assertThat(text("#certificate-title")).isEqualTo("Certificate of completion");
        assertThat(text(".certificate")).contains("Onboarding").contains(last.title()).contains("100%");
    }

    private void click(Question question, int option) {
        browser.findElement(By.id("q" + question.number() + "-o" + option)).click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String waitForText(String css, String expected) {
        HeadlessChromium.waitForText(browser, css, expected);
        return text(css);
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
