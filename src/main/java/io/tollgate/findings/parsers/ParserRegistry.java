package io.tollgate.findings.parsers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only way to a parser: by id, or by detection from the beginning of a report. Ids are unique; detection tries
 * parsers in their declared order, most specific signatures first.
 */
@ApplicationScoped
public class ParserRegistry {

    private final List<ReportParser> inDetectionOrder;
    private final Map<String, ReportParser> byId = new HashMap<>();

    @Inject
    ParserRegistry(Instance<ReportParser> parsers) {
        this(parsers.stream().toList());
    }

    /** A registry of the given parsers, for tests that build one without the container. */
    public ParserRegistry(List<ReportParser> parsers) {
        for (ReportParser parser : parsers) {
            ReportParser clash = byId.putIfAbsent(parser.id(), parser);
            if (clash != null) {
                throw new IllegalStateException("Two report parsers share the id '" + parser.id() + "': "
                        + clash.getClass().getName() + " and " + parser.getClass().getName());
            }
        }
        this.inDetectionOrder = parsers.stream()
                .sorted(Comparator.comparingInt((ReportParser parser) -> parser.format().detectionOrder())
                        .thenComparing(ReportParser::id))
                .toList();
    }

    public Optional<ReportParser> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.strip().toLowerCase()));
    }

    public Optional<ReportParser> detect(ReportSample sample) {
        return inDetectionOrder.stream().filter(p -> p.accepts(sample)).findFirst();
    }

    /** Every format, in detection order; the "Supported formats" page lists them so. */
    public List<ReportFormat> formats() {
        return inDetectionOrder.stream().map(ReportParser::format).toList();
    }

    public List<String> ids() {
        return inDetectionOrder.stream().map(ReportParser::id).sorted().toList();
    }
}
