package io.tollgate.gate.policy;

import io.tollgate.gate.policy.Condition.Kind;
import io.tollgate.platform.ContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policy files: every metric is read, and each mistake is refused with its file and line. */
class PolicyParserTest {

    private static final PolicyParser PARSER = new PolicyParser(Set.of("root-mfa-enabled"), Set.of("sast"));
    private static final Path FILE = Path.of("policies", "default.txt");

    @Test
    void readsEveryMetricAndSkipsCommentsAndBlankLines() {
        List<Condition> conditions = PARSER.parse(FILE, """
                # comment

                open:critical = 0
                past-sla:HIGH <= 0
                score >= 70
                control:root-mfa-enabled = pass
                onboarding:members >= 90
                onboarding:leads >= 100
                scan-age:sast < 7.5
                new-open:HIGH = 0
                new-past-sla:low <= 2
                """);
        assertThat(conditions).extracting(Condition::kind).containsExactly(Kind.OPEN, Kind.PAST_SLA, Kind.SCORE,
                Kind.CONTROL, Kind.ONBOARDING, Kind.ONBOARDING, Kind.SCAN_AGE, Kind.NEW_OPEN, Kind.NEW_PAST_SLA);
        assertThat(conditions).extracting(Condition::metric).containsExactly("open:CRITICAL", "past-sla:HIGH", "score",
                "control:root-mfa-enabled", "onboarding:members", "onboarding:leads", "scan-age:sast", "new-open:HIGH",
                "new-past-sla:LOW");
        assertThat(conditions.get(0).source()).isEqualTo("default.txt:3");
    }

    @Test
    void refusesMistakesWithFileAndLine() {
        assertRefused("score >= 70\nrisk <= 3", "default.txt:2: unknown metric 'risk'");
        assertRefused("score => 70", ":1: unknown operator '=>'");
        assertRefused("score >= seventy", ":1: threshold 'seventy' is not a number");
        assertRefused("open = 0", ":1: metric 'open' needs a parameter");
        assertRefused("score:x >= 1", ":1: metric 'score' takes no parameter");
        assertRefused("open:URGENT = 0", ":1: unknown severity 'URGENT'");
        assertRefused("control:mfa = pass", ":1: unknown control 'mfa'");
        assertRefused("control:root-mfa-enabled >= 1", ":1: a control condition reads");
        assertRefused("scan-age:dast <= 7", ":1: unknown scan kind 'dast'");
        assertRefused("onboarding:managers >= 7", ":1: onboarding is measured for 'members' or 'leads'");
        assertRefused("score >= 70 please", ":1: expected '<metric> <operator> <threshold>'");
        assertRefused("# only a comment", "the policy has no condition");
    }

    @Test
    void aTeamFileAddsToTheDefaultAndChangesTheVersion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("default.txt"), "open:CRITICAL = 0\n");
        Files.createDirectories(dir.resolve("teams"));
        Files.writeString(dir.resolve("teams/payments.txt"), "open:HIGH = 0\n");
        GatePolicies policies = new GatePolicies(dir, PARSER);

        Policy standard = policies.forTeam("orders");
        Policy payments = policies.forTeam("payments");
        assertThat(standard.conditions()).extracting(Condition::metric).containsExactly("open:CRITICAL");
        assertThat(payments.conditions()).extracting(Condition::metric).containsExactly("open:CRITICAL", "open:HIGH");
        assertThat(standard.hash()).hasSize(64);
        assertThat(payments.hash()).startsWith(standard.hash() + "/");
    }

    @Test
    void aMistakeInATeamFileNamesThatFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("default.txt"), "open:CRITICAL = 0\n");
        Files.createDirectories(dir.resolve("teams"));
        Files.writeString(dir.resolve("teams/payments.txt"), "\nscore >= high\n");
        assertThatThrownBy(() -> new GatePolicies(dir, PARSER)).isInstanceOf(ContentException.class)
                .hasMessageEndingWith("payments.txt:2: threshold 'high' is not a number");
    }

    @Test
    void aTeamFileReplacesADefaultConditionByItsBaselineVariantInPlace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("default.txt"), "open:CRITICAL = 0\npast-sla:HIGH = 0\nscore >= 70\n");
        Files.createDirectories(dir.resolve("teams"));
        Files.writeString(dir.resolve("teams/payments.txt"), """
                # adopt the gate before the backlog is cleared
                replace open:critical = 0 with new-open:CRITICAL = 0
                replace past-sla:HIGH = 0 with new-past-sla:HIGH = 0.0
                open:CRITICAL <= 5
                """);
        Policy payments = new GatePolicies(dir, PARSER).forTeam("payments");
        assertThat(payments.conditions()).extracting(Condition::text).containsExactly("new-open:CRITICAL = 0",
                "new-past-sla:HIGH = 0.0", "score >= 70", "open:CRITICAL <= 5");
        assertThat(payments.conditions().get(0).source()).isEqualTo("payments.txt:2");
        assertThat(payments.conditions().get(2).source()).isEqualTo("default.txt:3");
    }

    @Test
    void aReplacementCanLoosenNothingElse(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("default.txt"), "open:CRITICAL = 0\nscore >= 70\n");
        Files.createDirectories(dir.resolve("teams"));
        assertTeamFileRefused(dir, "replace open:CRITICAL = 0 with new-open:CRITICAL <= 3",
                "payments.txt:1: a condition can only be replaced by its baseline variant with the same operator and threshold");
        assertTeamFileRefused(dir, "\nreplace open:CRITICAL = 0 with open:HIGH = 0", "payments.txt:2: a condition can only be replaced");
        assertTeamFileRefused(dir, "replace score >= 70 with score >= 0", "payments.txt:1: a condition can only be replaced");
        assertTeamFileRefused(dir, "replace open:HIGH = 0 with new-open:HIGH = 0",
                "payments.txt:1: the default policy has no condition 'open:HIGH = 0' to replace");
        assertTeamFileRefused(dir, "replace open:CRITICAL = 0 with new-open:CRITICAL = 0\nreplace open:CRITICAL = 0 with new-open:CRITICAL = 0",
                "payments.txt:2: 'open:CRITICAL = 0' is replaced twice");
        assertTeamFileRefused(dir, "replace open:CRITICAL = 0 by new-open:CRITICAL = 0", "payments.txt:1: expected 'replace <metric>");
        assertRefused("replace open:CRITICAL = 0 with new-open:CRITICAL = 0", "default.txt:1: only a team's policy file replaces conditions");
    }

    private static void assertTeamFileRefused(Path dir, String text, String message) throws IOException {
        Files.writeString(dir.resolve("teams/payments.txt"), text);
        assertThatThrownBy(() -> new GatePolicies(dir, PARSER)).isInstanceOf(ContentException.class).hasMessageContaining(message);
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> PARSER.parse(FILE, text)).isInstanceOf(ContentException.class).hasMessageContaining(message);
    }
}
