package io.tollgate.controls;

import io.quarkus.runtime.Startup;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.platform.ContentConfig;
import io.tollgate.platform.ContentException;
import io.tollgate.platform.TabularContent;
import io.tollgate.platform.TabularContent.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tollgate's controls, read from content/controls.tsv, and the table that maps a Prowler check or Security Hub
 * control onto them, so that imported account checks and Tollgate's own collector count as the same control.
 */
@Startup
@ApplicationScoped
public class ControlCatalog {

    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Map<String, Control> byCheck = new HashMap<>();

    ControlCatalog(ContentConfig config) {
        Path file = Path.of(config.dir(), "controls.tsv");
        for (Row row : TabularContent.read(file, "id", "title", "severity", "practice", "lesson",
                "prowler_checks", "securityhub_controls")) {
            Severity severity = Severity.fromLabel(row.get("severity"))
                    .orElseThrow(() -> new ContentException(file, row.line(), "unknown severity '" + row.get("severity") + "'"));
            Control control = new Control(row.get("id"), row.get("title"), severity, row.get("practice"),
                    row.get("lesson"), ids(row.optional("prowler_checks")), ids(row.optional("securityhub_controls")));
            if (controls.putIfAbsent(control.id(), control) != null) {
                throw new ContentException(file, row.line(), "control '" + control.id() + "' is defined twice");
            }
            for (String check : concat(control.prowlerChecks(), control.securityHubControls())) {
                Control clash = byCheck.putIfAbsent(check.toLowerCase(), control);
                if (clash != null) {
                    throw new ContentException(file, row.line(), "check '" + check + "' already maps to control '" + clash.id() + "'");
                }
            }
        }
    }

    public Collection<Control> all() {
        return controls.values();
    }

    public Optional<Control> byId(String id) {
        return Optional.ofNullable(controls.get(id));
    }

    /** The control a tool's check id stands for: Tollgate's own id, a Prowler check or a Security Hub control. */
    public Optional<Control> forCheck(String checkId) {
        if (checkId == null) {
            return Optional.empty();
        }
        Control own = controls.get(checkId);
        return own != null ? Optional.of(own) : Optional.ofNullable(byCheck.get(checkId.toLowerCase()));
    }

    private static Set<String> ids(String cell) {
        if (cell == null) {
            return Set.of();
        }
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
