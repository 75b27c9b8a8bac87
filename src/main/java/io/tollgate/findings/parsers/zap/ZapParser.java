package io.tollgate.findings.parsers.zap;

import io.tollgate.findings.parsers.ReportFormat;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.ReportParser;
import io.tollgate.findings.parsers.ReportSample;
import io.tollgate.findings.parsers.ReportSink;
import io.tollgate.findings.parsers.reading.ReportSyntax;
import io.tollgate.findings.parsers.reading.XmlHead;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * OWASP ZAP's reports of a dynamic scan of a web application or API (an API Gateway stage, a Lambda function URL), in
 * XML or JSON: one finding per alert, located on the URL it fired on.
 */
@ApplicationScoped
public class ZapParser implements ReportParser {

    static final String ID = "zap";

    private static final ReportFormat FORMAT = new ReportFormat(ID, "OWASP ZAP (XML or JSON)",
            "zap-baseline.py -t https://api.example.com/prod -x zap.xml (or -J zap.json)", 100);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(ReportSample sample) {
        if (sample.looksLikeXml()) {
            return XmlHead.of(sample.head()).map(root -> root.localName().equals("OWASPZAPReport")).orElse(false);
        }
        return sample.looksLikeJson() && sample.contains("\"site\"") && sample.contains("\"@generated\"")
                && (sample.contains("\"@version\"") || sample.contains("\"@programName\""));
    }

    @Override
    public void parse(InputStream report, ReportSink sink) throws ReportFormatException {
        BufferedInputStream buffered = new BufferedInputStream(report);
        Consumer<ZapAlert> alerts = alert -> sink.finding(ZapFindings.of(alert));
        if (ReportSyntax.of(buffered, ID) == ReportSyntax.XML) {
            ZapXmlReport.read(buffered, alerts);
        } else {
            ZapJsonReport.read(buffered, alerts);
        }
    }
}
