package io.tollgate.scorecard.scoring;

import io.tollgate.findings.parsers.Severity;
import io.tollgate.platform.ContentException;
import io.tollgate.platform.TabularContent;
import io.tollgate.platform.TabularContent.Row;
import io.tollgate.scorecard.Level;
import io.tollgate.scorecard.Pillar;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scoring data of content/scorecard/: pillar weights, severity penalties, the SLA factor, control weights,
 * the freshness window, the required scan kinds with the tools of each kind, and the level checks. Every value is
 * checked when read; a problem names the file and the line.
 */
public final class ScoringRules {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> METRICS = Set.of("open_critical", "high_past_sla", "score", "training", "members_trained");

    private final Map<Pillar, Double> weights = new EnumMap<>(Pillar.class);
    private final Map<Severity, Double> penalties = new EnumMap<>(Severity.class);
    private final Map<Severity, Double> controlWeights = new EnumMap<>(Severity.class);
    private final Map<String, String> kindOfTool = new HashMap<>();
    private double slaFactor;
    private int freshDays;
    private List<String> requiredKinds;
    private final List<LevelRule> levels;

    private ScoringRules(Path dir) {
        readSettings(dir.resolve("scoring.tsv"));
        Path kinds = dir.resolve("scan-kinds.tsv");
        for (Row row : TabularContent.read(kinds, "tool", "kind")) {
            if (kindOfTool.put(row.get("tool").toLowerCase(Locale.ROOT), kind(row, row.get("kind"))) != null) {
                throw new ContentException(kinds, row.line(), "tool '" + row.get("tool") + "' is listed twice");
            }
        }
        for (String kind : requiredKinds) {
            if (!kindOfTool.containsValue(kind)) {
                throw new ContentException(dir.resolve("scoring.tsv"), 0, "required kind '" + kind + "' has no tool in scan-kinds.tsv");
            }
        }
        levels = TabularContent.read(dir.resolve("levels.tsv"), "level", "check", "operator", "threshold", "label")
                .stream().map(this::levelRule).toList();
    }

    /** Reads and checks the three files of a scoring folder. */
    public static ScoringRules read(Path dir) {
        return new ScoringRules(dir);
    }

    private void readSettings(Path file) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : TabularContent.read(file, "setting", "value")) {
            if (rows.put(row.get("setting"), row) != null) {
                throw new ContentException(file, row.line(), "setting '" + row.get("setting") + "' is set twice");
            }
        }
        for (Pillar pillar : Pillar.values()) {
            weights.put(pillar, number(file, rows, "weight." + pillar.key()));
        }
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new ContentException(file, 0, "the pillar weights add up to 0");
        }
        for (Severity severity : Severity.values()) {
            penalties.put(severity, number(file, rows, "penalty." + severity.name().toLowerCase(Locale.ROOT)));
            if (severity != Severity.INFO) {
                controlWeights.put(severity, number(file, rows, "control_weight." + severity.name().toLowerCase(Locale.ROOT)));
            }
        }
        slaFactor = number(file, rows, "sla_factor");
        double days = number(file, rows, "fresh_days");
        if (days < 1 || days != Math.rint(days)) {
            throw new ContentException(file, rows.get("fresh_days").line(), "fresh_days must be a whole number of days, at least 1");
        }
        freshDays = (int) days;
        Row required = setting(file, rows, "required_kinds");
        requiredKinds = Arrays.stream(required.get("value").split(",")).map(String::strip).map(k -> kind(required, k)).toList();
        rows.keySet().removeIf(k -> k.startsWith("weight.") || k.startsWith("penalty.") || k.startsWith("control_weight.")
                || Set.of("sla_factor", "fresh_days", "required_kinds").contains(k));
        rows.values().stream().findFirst().ifPresent(row -> {
            throw new ContentException(file, row.line(), "unknown setting '" + row.get("setting") + "'");
        });
    }

    private static Row setting(Path file, Map<String, Row> rows, String name) {
        Row row = rows.get(name);
        if (row == null) {
            throw new ContentException(file, 0, "the setting '" + name + "' is missing");
        }
        return row;
    }

    private static double number(Path file, Map<String, Row> rows, String name) {
        Row row = setting(file, rows, name);
        try {
            double value = Double.parseDouble(row.get("value"));
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new ContentException(file, row.line(), name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ContentException(file, row.line(), name + " is not a number: '" + row.get("value") + "'");
        }
    }

    private static String kind(Row row, String kind) {
        if (!KIND.matcher(kind).matches()) {
            throw new ContentException(row.file(), row.line(), "'" + kind + "' is not a scan kind name (lower case, digits, -)");
        }
        return kind;
    }

    private LevelRule levelRule(Row row) {
        Level level = Arrays.stream(Level.values()).filter(l -> l.key().equals(row.get("level"))).findFirst()
                .orElseThrow(() -> new ContentException(row.file(), row.line(), "unknown level '" + row.get("level") + "'"));
        String check = row.get("check");
        String operator = row.get("operator");
        boolean flag = check.startsWith("control:") || check.startsWith("fresh:");
        if (!flag && !METRICS.contains(check)) {
            throw new ContentException(row.file(), row.line(), "unknown check '" + check + "'");
        }
        if (check.startsWith("fresh:") && !requiredKinds.contains(check.substring(6))) {
            throw new ContentException(row.file(), row.line(), "'" + check.substring(6) + "' is not a required scan kind");
        }
        if (flag != operator.equals("passes") || !Set.of("<=", ">=", "passes").contains(operator)) {
            throw new ContentException(row.file(), row.line(), flag
                    ? "control: and fresh: checks take the operator 'passes'"
                    : "operator must be <= or >= for '" + check + "'");
        }
        Double threshold = null;
        if (!flag) {
            try {
                threshold = Double.valueOf(row.get("threshold"));
            } catch (NumberFormatException e) {
                throw new ContentException(row.file(), row.line(), "threshold is not a number: '" + row.get("threshold") + "'");
            }
        }
        return new LevelRule(level, check, operator, threshold, row.get("label"));
    }

    /** The pillar weights, in pillar order. */
    public Map<Pillar, Double> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** The penalty of an open finding of each severity, most severe first. */
    public Map<Severity, Double> penalties() {
        return Collections.unmodifiableMap(penalties);
    }

    /** The weight of a control of each severity, most severe first. */
    public Map<Severity, Double> controlWeights() {
        return Collections.unmodifiableMap(controlWeights);
    }

    public double weight(Pillar pillar) {
        return weights.get(pillar);
    }

    public double penalty(Severity severity) {
        return penalties.get(severity);
    }

    /** The weight of a control of this severity; informational controls do not exist, so INFO weighs as LOW. */
    public double controlWeight(Severity severity) {
        return controlWeights.getOrDefault(severity, controlWeights.get(Severity.LOW));
    }

    public double slaFactor() {
        return slaFactor;
    }

    public int freshDays() {
        return freshDays;
    }

    public List<String> requiredKinds() {
        return requiredKinds;
    }

    /** The scan kind of a parser id or tool name, if scan-kinds.tsv lists it. */
    public Optional<String> kindOf(String tool) {
        return tool == null ? Optional.empty() : Optional.ofNullable(kindOfTool.get(tool.toLowerCase(Locale.ROOT)));
    }

    public List<LevelRule> levels() {
        return levels;
    }
}
