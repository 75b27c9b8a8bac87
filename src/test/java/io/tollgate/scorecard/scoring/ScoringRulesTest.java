package io.tollgate.scorecard.scoring;

import io.tollgate.platform.ContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scoring data is checked when read, and a problem names the file and the line. */
class ScoringRulesTest {

    @TempDir
    Path dir;

    private Path copyDefaults() throws IOException {
        for (String file : new String[]{"scoring.tsv", "scan-kinds.tsv", "levels.tsv"}) {
            Files.copy(Path.of("content", "scorecard", file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, Files.readString(path).replace(from, to));
    }

    @Test
    void theDefaultsRead() throws IOException {
        ScoringRules rules = ScoringRules.read(copyDefaults());

        assertThat(rules.requiredKinds()).containsExactly("sast", "dependencies", "iac", "secrets", "account");
        assertThat(rules.kindOf("Prowler-CSV")).contains("account");
        assertThat(rules.levels()).isNotEmpty();
    }

    @Test
    void aWeightThatIsNotANumberIsReportedWithItsLine() throws IOException {
        copyDefaults();
        replace("scoring.tsv", "weight.controls\t30", "weight.controls\tthirty");

        assertThatThrownBy(() -> ScoringRules.read(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("scoring.tsv:").hasMessageContaining("weight.controls is not a number");
    }

    @Test
    void anUnknownLevelCheckIsRefused() throws IOException {
        copyDefaults();
        replace("levels.tsv", "bronze\topen_critical", "bronze\topen_crits");

        assertThatThrownBy(() -> ScoringRules.read(dir)).isInstanceOf(ContentException.class)
                .hasMessageMatching(".*levels.tsv:\\d+: unknown check 'open_crits'");
    }

    @Test
    void aRequiredKindWithoutToolIsRefused() throws IOException {
        copyDefaults();
        replace("scan-kinds.tsv", "gitleaks\tsecrets", "gitleaks\tsast");

        assertThatThrownBy(() -> ScoringRules.read(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("required kind 'secrets' has no tool");
    }
}
