package io.tollgate.gate.policy;

import io.tollgate.findings.parsers.Severity;
import io.tollgate.gate.policy.Condition.Kind;
import io.tollgate.gate.policy.Condition.Operator;
import io.tollgate.platform.ContentException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a policy file: one condition a line, {@code <metric> <operator> <threshold>}, blank lines and {@code #}
 * comments ignored; a team's file may also swap a default condition for its baseline variant with
 * {@code replace <condition> with <condition>}. Anything it cannot use is refused with the file and line.
 */
public final class PolicyParser {

    private static final String REPLACE = "replace ";

    private final Set<String> controlIds;
    private final Set<String> scanKinds;

    /**
     * @param controlIds the control ids a {@code control:} condition may name
     * @param scanKinds  the scan kinds a {@code scan-age:} condition may name
     */
    public PolicyParser(Set<String> controlIds, Set<String> scanKinds) {
        this.controlIds = controlIds;
        this.scanKinds = scanKinds;
    }

    /** The default policy: conditions only. */
    public List<Condition> parse(Path file, String text) {
        return read(file, text, false).conditions();
    }

    /** A team's file: conditions to add, and {@code replace ... with ...} lines. */
    public PolicyFile parseTeamFile(Path file, String text) {
        return read(file, text, true);
    }

    private PolicyFile read(Path file, String text, boolean teamFile) {
        List<Condition> conditions = new ArrayList<>();
        List<Replacement> replacements = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(REPLACE)) {
                if (!teamFile) {
                    throw new ContentException(file, i + 1, "only a team's policy file replaces conditions");
                }
                replacements.add(replacement(file, i + 1, line));
            } else {
                conditions.add(condition(file, i + 1, line));
            }
        }
        if (conditions.isEmpty() && replacements.isEmpty()) {
            throw new ContentException(file, 0, "the policy has no condition");
        }
        return new PolicyFile(List.copyOf(conditions), List.copyOf(replacements));
    }

    /** {@code replace open:CRITICAL = 0 with new-open:CRITICAL = 0}: only a condition by its baseline variant. */
    private Replacement replacement(Path file, int line, String text) {
        String[] parts = text.split("\\s+");
        if (parts.length != 8 || !parts[4].equals("with")) {
            throw new ContentException(file, line, "expected 'replace <metric> <operator> <threshold> with <metric> <operator> <threshold>', found '"
                    + text + "'");
        }
        Condition replaced = condition(file, line, String.join(" ", parts[1], parts[2], parts[3]));
        Condition replacement = condition(file, line, String.join(" ", parts[5], parts[6], parts[7]));
        boolean variant = replaced.kind().baselineVariant() == replacement.kind()
                && replaced.parameter().equals(replacement.parameter()) && replaced.operator() == replacement.operator()
                && Double.parseDouble(replaced.threshold()) == Double.parseDouble(replacement.threshold());
        if (!variant) {
            throw new ContentException(file, line, "a condition can only be replaced by its baseline variant with the same operator and "
                    + "threshold, e.g. 'replace open:CRITICAL = 0 with new-open:CRITICAL = 0'");
        }
        return new Replacement(replaced, replacement, line);
    }

    private Condition condition(Path file, int line, String text) {
        String[] parts = text.split("\\s+");
        if (parts.length != 3) {
            throw new ContentException(file, line, "expected '<metric> <operator> <threshold>', found '" + text + "'");
        }
        String[] metric = parts[0].split(":", 2);
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.key.equals(metric[0])).findFirst()
                .orElseThrow(() -> new ContentException(file, line, "unknown metric '" + metric[0] + "'"));
        String parameter = metric.length == 2 ? metric[1] : null;
        if (kind.parameterised != (parameter != null)) {
            throw new ContentException(file, line, kind.parameterised
                    ? "metric '" + kind.key + "' needs a parameter, e.g. " + kind.key + ":<name>"
                    : "metric '" + kind.key + "' takes no parameter");
        }
        Operator operator = Arrays.stream(Operator.values()).filter(o -> o.symbol.equals(parts[1])).findFirst()
                .orElseThrow(() -> new ContentException(file, line, "unknown operator '" + parts[1] + "'"));
        String source = file.getFileName() + ":" + line;
        switch (kind) {
            case OPEN, PAST_SLA, NEW_OPEN, NEW_PAST_SLA -> {
                try {
                    Severity.valueOf(parameter.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new ContentException(file, line, "unknown severity '" + parameter + "'");
                }
                return new Condition(kind, parameter.toUpperCase(Locale.ROOT), operator, number(file, line, parts[2]), source);
            }
            case CONTROL -> {
                if (!controlIds.contains(parameter)) {
                    throw new ContentException(file, line, "unknown control '" + parameter + "'");
                }
                if (operator != Operator.EQ || !parts[2].equals("pass")) {
                    throw new ContentException(file, line, "a control condition reads 'control:<id> = pass'");
                }
                return new Condition(kind, parameter, operator, "pass", source);
            }
            case ONBOARDING -> {
                if (!parameter.equals("members") && !parameter.equals("leads")) {
                    throw new ContentException(file, line, "onboarding is measured for 'members' or 'leads', not '" + parameter + "'");
                }
                return new Condition(kind, parameter, operator, number(file, line, parts[2]), source);
            }
            case SCAN_AGE -> {
                if (!scanKinds.contains(parameter)) {
                    throw new ContentException(file, line, "unknown scan kind '" + parameter + "'");
                }
                return new Condition(kind, parameter, operator, number(file, line, parts[2]), source);
            }
            default -> {
                return new Condition(kind, null, operator, number(file, line, parts[2]), source);
            }
        }
    }

    private static String number(Path file, int line, String threshold) {
        try {
            Double.parseDouble(threshold);
            return threshold;
        } catch (NumberFormatException e) {
            throw new ContentException(file, line, "threshold '" + threshold + "' is not a number");
        }
    }
}
