package io.tollgate.findings.parsers.zap;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.JsonWalker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.tollgate.findings.parsers.JsonReports.text;

/**
 * ZAP's JSON report ({@code site[].alerts[]}, from {@code zap-baseline.py -J} or the "Traditional JSON" template),
 * streamed one alert at a time. Older versions wrote a single site as an object instead of a list.
 */
final class ZapJsonReport {

    private final JsonWalker walker;
    private final Consumer<ZapAlert> alerts;
    private boolean recognised;
    private String site;

    private ZapJsonReport(JsonWalker walker, Consumer<ZapAlert> alerts) {
        this.walker = walker;
        this.alerts = alerts;
    }

    static void read(InputStream report, Consumer<ZapAlert> alerts) throws ReportFormatException {
        new ZapJsonReport(JsonWalker.open(report, ZapParser.ID), alerts).read();
    }

    private void read() throws ReportFormatException {
        if (walker.current() != JsonToken.START_OBJECT) {
            throw walker.shapeError("", "not a ZAP report: expected an object with a site list");
        }
        walker.fields("", (name, pointer) -> {
            switch (name) {
                case "site" -> {
                    recognised = true;
                    sites(pointer);
                }
                case "@version", "@programName", "@generated" -> {
                    recognised = true;
                    walker.skip();
                }
                default -> walker.skip();
            }
        });
        if (!recognised) {
            throw walker.shapeError("", "not a ZAP report: no site list and no @version");
        }
    }

    private void sites(String pointer) throws ReportFormatException {
        if (walker.current() == JsonToken.START_OBJECT) {
            site(pointer);
        } else {
            walker.items(pointer, this::site);
        }
    }

    private void site(String pointer) throws ReportFormatException {
        site = null;
        walker.fields(pointer, (name, fieldPointer) -> {
            switch (name) {
                case "@name" -> site = walker.tree().asText(null);
                case "alerts" -> walker.elements(fieldPointer, this::alert);
                default -> walker.skip();
            }
        });
    }

    private void alert(JsonNode alert, String pointer) throws ReportFormatException {
        if (!alert.isObject()) {
            throw walker.shapeError(pointer, "expected an alert object");
        }
        List<ZapAlert.Instance> instances = new ArrayList<>();
        for (JsonNode instance : alert.path("instances")) {
            instances.add(new ZapAlert.Instance(text(instance, "uri"), text(instance, "method"), text(instance, "param")));
        }
        alerts.accept(new ZapAlert(site, text(alert, "pluginid"), text(alert, "alertRef"),
                text(alert, "name") != null ? text(alert, "name") : text(alert, "alert"),
                text(alert, "riskcode"), text(alert, "riskdesc"), text(alert, "confidence"), text(alert, "desc"),
                text(alert, "solution"), text(alert, "otherinfo"), text(alert, "reference"), text(alert, "cweid"),
                text(alert, "wascid"), ZapXmlReport.count(text(alert, "count")), instances));
    }
}
