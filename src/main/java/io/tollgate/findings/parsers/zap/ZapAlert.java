package io.tollgate.findings.parsers.zap;

import java.util.List;

/**
 * One ZAP alert as both report syntaxes (XML and JSON) give it: a scan rule that fired on one or more URLs of a site.
 * Texts are as ZAP wrote them (descriptions and solutions may be HTML); missing values are {@code null}.
 */
record ZapAlert(
        String site,
        String pluginId,
        String alertRef,
        String name,
        String riskCode,
        String riskDescription,
        String confidence,
        String description,
        String solution,
        String otherInfo,
        String reference,
        String cweId,
        String wascId,
        Integer count,
        List<Instance> instances) {

    ZapAlert {
        instances = List.copyOf(instances);
    }

    /** One request on which the rule fired. */
    record Instance(String uri, String method, String param) {
    }
}
