package io.tollgate.findings.parsers.prowler;

import io.tollgate.findings.parsers.ReportFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws Exception {
        List<List<String>> records = readAll("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"multi\r\nline\";;last");

        assertThat(records).containsExactly(
                List.of("a", "b;c", "say \"hi\""),
                List.of("multi\r\nline", "", "last"));
    }

    @Test
    void blankLinesAreSkippedAndRowsCountRecords() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("h1;h2\n\n\nx;\"y\ny\"\n\nz;w\n"), ';', "test");

        csv.next();
        csv.next();
        assertThat(csv.next()).containsExactly("z", "w");
        assertThat(csv.row()).isEqualTo(3);
        assertThat(csv.next()).isNull();
    }

    @Test
    void anUnclosedQuoteIsRefusedWithItsRow() {
        assertThatThrownBy(() -> readAll("h\n\"open"))
                .isInstanceOfSatisfying(ReportFormatException.class, e -> {
                    assertThat(e.position()).isEqualTo("row 2");
                    assertThat(e.format()).isEqualTo("test");
                });
    }

    private static List<List<String>> readAll(String text) throws IOException, ReportFormatException {
        CsvReader csv = new CsvReader(new StringReader(text), ';', "test");
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = csv.next(); record != null; record = csv.next()) {
            records.add(record);
        }
        return records;
    }
}
