package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tool's own identity for a result, which Tollgate prefers when it fingerprints findings: the result's
 * {@code partialFingerprints} (CodeQL's {@code primaryLocationLineHash} alone when present, as it survives line
 * shifts; otherwise every key=value pair, sorted by key), else its {@code fingerprints} likewise, else its
 * {@code correlationGuid} (the same for the same result across runs), else its {@code guid}. Fingerprint values
 * may be plain strings or, as some producers write them, objects with a {@code value}.
 */
final class SarifIdentity {

    private static final String LINE_HASH = "primaryLocationLineHash";

    private SarifIdentity() {
    }

    static String of(JsonNode result) {
        return Texts.first(fingerprint(result.path("partialFingerprints")), fingerprint(result.path("fingerprints")),
                JsonReports.text(result, "correlationGuid"), JsonReports.text(result, "guid"));
    }

    private static String fingerprint(JsonNode fingerprints) {
        SortedMap<String, String> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> fingerprint : fingerprints.properties()) {
            JsonNode value = fingerprint.getValue();
            String text = value.isObject() ? JsonReports.text(value, "value")
                    : value.isValueNode() && !value.isNull() ? value.asText() : null;
            if (text != null && !text.isBlank()) {
                values.put(fingerprint.getKey(), text);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        return values.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(LINE_HASH))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(() -> values.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(";")));
    }
}
