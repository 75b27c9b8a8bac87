package io.tollgate.findings.parsers;

import io.tollgate.findings.parsers.dependencycheck.DependencyCheckParser;
import io.tollgate.findings.parsers.zap.ZapParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** XML reports cannot make Tollgate read local files or expand entities (XXE, billion laughs). */
class XmlReportsTest {

    @TempDir
    Path folder;

    @Test
    void anExternalEntityIsNeverResolved() throws IOException {
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        String zap = """
                <?xml version="1.0"?>
                <!DOCTYPE OWASPZAPReport [<!ENTITY leak SYSTEM "%s">]>
                <OWASPZAPReport version="2.14.0" generated="Mon, 1 Jan 2024 10:00:00">
                  <site name="https://api.example.test" host="api.example.test" port="443" ssl="true">
                    <alerts><alertitem><pluginid>10038</pluginid><alert>&leak;</alert><name>&leak;</name>
                      <riskcode>2</riskcode><confidence>2</confidence><desc>x</desc><instances/></alertitem></alerts>
                  </site>
                </OWASPZAPReport>""".formatted(secret.toUri());
        for (ReportParser parser : List.of(new ZapParser(), new DependencyCheckParser())) {
            CollectingSink sink = new CollectingSink();
            try {
                parser.parse(new ByteArrayInputStream(zap.getBytes(StandardCharsets.UTF_8)), sink);
            } catch (ReportFormatException refused) {
                assertThat(refused.getMessage()).doesNotContain("TOP-SECRET-MARKER");
            }
            assertThat(sink.findings.toString()).doesNotContain("TOP-SECRET-MARKER");
        }
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <OWASPZAPReport version="2.14.0"><site name="x"><alerts><alertitem><name>&b;</name></alertitem></alerts></site></OWASPZAPReport>""";
        assertThatThrownBy(() -> new ZapParser().parse(new ByteArrayInputStream(laughs.getBytes(StandardCharsets.UTF_8)),
                new CollectingSink())).isInstanceOf(ReportFormatException.class);
    }
}
