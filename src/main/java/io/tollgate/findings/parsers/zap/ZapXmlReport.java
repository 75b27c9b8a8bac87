package io.tollgate.findings.parsers.zap;

import io.tollgate.findings.parsers.ReportFormatException;
import io.tollgate.findings.parsers.reading.XmlElement;
import io.tollgate.findings.parsers.reading.XmlWalker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * ZAP's XML report ({@code OWASPZAPReport/site/alerts/alertitem}), streamed one alert at a time. Request and response
 * headers and bodies, which ZAP 2.16 writes per instance, are passed over: Tollgate keeps none of them.
 */
final class ZapXmlReport {

    private static final Set<String> PASSED_OVER = Set.of("requestheader", "requestbody", "responseheader", "responsebody",
            "evidence", "attack");

    private ZapXmlReport() {
    }

    static void read(InputStream report, Consumer<ZapAlert> alerts) throws ReportFormatException {
        XmlWalker walker = XmlWalker.open(report, ZapParser.ID, Set.of("OWASPZAPReport"));
        String site = null;
        for (String element = walker.nextStart(); element != null; element = walker.nextStart()) {
            if (element.equals("site")) {
                site = walker.attribute("name");
            } else if (element.equals("alertitem")) {
                alerts.accept(alert(walker.read(PASSED_OVER), site));
            }
        }
    }

    private static ZapAlert alert(XmlElement item, String site) {
        List<ZapAlert.Instance> instances = new ArrayList<>();
        for (XmlElement instance : item.path("instances", "instance")) {
            instances.add(new ZapAlert.Instance(instance.childText("uri"), instance.childText("method"), instance.childText("param")));
        }
        if (instances.isEmpty() && item.childText("uri") != null) {
            instances.add(new ZapAlert.Instance(item.childText("uri"), item.childText("method"), item.childText("param")));
        }
        return new ZapAlert(site, item.childText("pluginid"), item.childText("alertRef"),
                item.childText("name") != null ? item.childText("name") : item.childText("alert"),
                item.childText("riskcode"), item.childText("riskdesc"), item.childText("confidence"),
                item.childText("desc"), item.childText("solution"), item.childText("otherinfo"), item.childText("reference"),
                item.childText("cweid"), item.childText("wascid"), count(item.childText("count")), instances);
    }

    static Integer count(String text) {
        return text != null && text.strip().matches("\\d{1,9}") ? Integer.valueOf(text.strip()) : null;
    }
}
