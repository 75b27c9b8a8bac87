package io.tollgate.findings.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY text encoding: escapes, UTF-8, cut values, and rows that cross segment boundaries. */
class CopyRowWriterTest {

    /** Tiny segments, so that every row crosses several of them. */
    private final CopyRowWriter writer = new CopyRowWriter(7);

    @Test
    void escapesWhatCopyTextReadsSpeciallyAndDropsNul() {
        writer.text("a\\b\tc\nd\re\u0000f").text(null).endRow();

        assertThat(text(writer.take())).isEqualTo("a\\\\b\\tc\\nd\\re" + "f\t\\N\n");
    }

    @Test
    void encodesEveryCharacterInUtf8() {
        String mixed = "é € 😀 Ωmega 日本";
        writer.text(mixed).endRow();

        assertThat(text(writer.take())).isEqualTo(mixed + "\n");
    }

    @Test
    void longValuesMixingPlainAndSpecialCharactersComeOutWhole() {
        String[] pieces = {"plain ascii text ", "\\", "\t", "é", "€", "😀", "x", "\n", "0123456789"};
        Random random = new Random(42);
        StringBuilder expected = new StringBuilder();
        for (int row = 0; row < 50; row++) {
            StringBuilder value = new StringBuilder();
            for (int piece = random.nextInt(40); piece > 0; piece--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            writer.text(value.toString()).endRow();
            expected.append(value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")).append('\n');
        }

        assertThat(text(writer.take())).isEqualTo(expected.toString());
    }

    @Test
    void aSurrogateWithoutItsPairBecomesAQuestionMark() {
        writer.text("x\uD83Dy").text("z\uDE00").endRow();

        assertThat(text(writer.take())).isEqualTo("x?y\tz?\n");
    }

    @Test
    void cutsValuesAtTheirColumnLength() {
        writer.text("abcdef", 3).texts(List.of("long value", "b\"q"), 4).endRow();

        assertThat(text(writer.take())).isEqualTo("abc\t{\"long\",\"b\\\\\"q\"}\n");
    }

    @Test
    void writesNumbersBooleansArraysAndInstants() {
        writer.number(42L).number((Integer) null).number(Integer.valueOf(7)).bool(true).bool(false)
                .integers(List.of(79, 89)).integers(List.of()).instant(Instant.parse("2026-11-29T05:00:00Z")).endRow();

        assertThat(text(writer.take())).isEqualTo("42\t\\N\t7\tt\tf\t{79,89}\t{}\t2026-11-29T05:00:00Z\n");
    }

    @Test
    void takesRowsAChunkAtATimeAndRepeatsEncodedFields() {
        byte[] shared = new CopyRowWriter(4).number(12L).text("semgrep").fields();
        writer.encoded(shared).text("first").endRow();
        writer.encoded(shared).text("second").endRow();

        CopyRowWriter.Rows taken = writer.take();
        assertThat(taken.count()).isEqualTo(2);
        assertThat(text(taken)).isEqualTo("12\tsemgrep\tfirst\n12\tsemgrep\tsecond\n");
        assertThat(writer.rows()).isZero();
        writer.text("third").endRow();
        assertThat(text(writer.take())).isEqualTo("third\n");
    }

    private static String text(CopyRowWriter.Rows rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < rows.segments().size(); i++) {
            byte[] segment = rows.segments().get(i);
            bytes.write(segment, 0, i == rows.segments().size() - 1 ? rows.lastLength() : segment.length);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
