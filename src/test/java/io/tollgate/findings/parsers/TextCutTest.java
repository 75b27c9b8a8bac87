package io.tollgate.findings.parsers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextCutTest {

    @Test
    void aTextWithinItsCapIsKeptAsItIs() {
        assertThat(TextCut.cut("short", 5)).isEqualTo("short");
        assertThat(TextCut.cut(null, 5)).isNull();
    }

    @Test
    void aLongerTextIsCutToItsCapWithAMarkerCountingWhatWasCut() {
        String cut = TextCut.cut("x".repeat(1_234_567 + 60), 100);

        assertThat(cut).hasSize(100).matches("x+… \\[cut by Tollgate: 1,234,\\d{3} more characters]");
        int kept = cut.indexOf('…');
        assertThat(cut.substring(0, kept)).matches("x+");
        assertThat(Long.parseLong(cut.substring(cut.indexOf(':') + 2, cut.indexOf(" more")).replace(",", "")))
                .isEqualTo(1_234_567 + 60 - kept);
    }

    @Test
    void aTextCutWhileReadingCountsBothCutsWhenCutAgain() {
        String read = TextCut.cut("y".repeat(1000), 1000, 5000, 200);
        String stored = TextCut.cut(read, 80);

        assertThat(stored).hasSize(80).endsWith(" more characters]");
        long counted = Long.parseLong(stored.substring(stored.indexOf(':') + 2, stored.indexOf(" more")).replace(",", ""));
        assertThat(counted + stored.indexOf('…')).isEqualTo(6000);
    }

    @Test
    void aFindingKeepsEachFieldWithinItsCap() {
        NormalizedFinding finding = NormalizedFinding.builder("tool").title("t".repeat(10_000))
                .description("d".repeat(1_000_000)).filePath("p".repeat(5000))
                .references(java.util.Collections.nCopies(500, "https://example.test/" + "r".repeat(3000))).build();

        assertThat(finding.title()).hasSize(NormalizedFinding.TITLE_CHARS).contains("cut by Tollgate");
        assertThat(finding.description()).hasSize(NormalizedFinding.LONG_TEXT_CHARS).contains("cut by Tollgate");
        assertThat(finding.filePath()).hasSize(NormalizedFinding.PATH_CHARS);
        assertThat(finding.references()).hasSize(NormalizedFinding.MAX_LIST_ENTRIES)
                .allSatisfy(reference -> assertThat(reference).hasSize(NormalizedFinding.LINK_CHARS));
        assertThat(List.of(finding.tool())).containsExactly("tool");
    }
}
