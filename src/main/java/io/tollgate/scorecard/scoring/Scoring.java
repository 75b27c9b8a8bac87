package io.tollgate.scorecard.scoring;

import io.tollgate.findings.parsers.Severity;
import io.tollgate.platform.ContentConfig;
import io.tollgate.scorecard.Level;
import io.tollgate.scorecard.Pillar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.runtime.Startup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link ScoreInputs} into a {@link Scorecard} by the rules of content/scorecard/ (docs/scorecards.md).
 * It has no state and touches no database, so the "How scores work" page and the tests run the very code that
 * scores the teams.
 */
@Startup
@ApplicationScoped
public class Scoring {

    private final ScoringRules rules;

    @Inject
    Scoring(ContentConfig content) {
        this(ScoringRules.read(Path.of(content.dir(), "scorecard")));
    }

    public Scoring(ScoringRules rules) {
        this.rules = rules;
    }

    public ScoringRules rules() {
        return rules;
    }

    public Scorecard score(ScoreInputs inputs) {
        Scorecard card = scoreOnly(inputs);
        return new Scorecard(card.score(), card.incomplete(), card.level(), card.pillars(), card.levels(), fixNext(inputs, card));
    }

    private Scorecard scoreOnly(ScoreInputs inputs) {
        List<PillarScore> pillars = List.of(vulnerabilities(inputs), controls(inputs), training(inputs), freshness(inputs));
        double weighted = 0;
        double weights = 0;
        for (PillarScore pillar : pillars) {
            if (!pillar.missing()) {
                weighted += pillar.value() * pillar.weight();
                weights += pillar.weight();
            }
        }
        Double score = weights == 0 ? null : round(weighted / weights);
        boolean incomplete = pillars.stream().anyMatch(PillarScore::missing);
        Map<Level, List<Check>> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            levels.put(level, new ArrayList<>());
        }
        for (LevelRule rule : rules.levels()) {
            levels.get(rule.level()).add(levelCheck(rule, inputs, score));
        }
        Level reached = null;
        for (Level level : Level.values()) {
            if (levels.get(level).stream().allMatch(Check::passed)) {
                reached = level;
            } else {
                break;
            }
        }
        return new Scorecard(score, incomplete, reached, pillars, levels, List.of());
    }

    PillarScore vulnerabilities(ScoreInputs inputs) {
        double weight = rules.weight(Pillar.VULNERABILITIES);
        if (!inputs.scanned()) {
            return new PillarScore(Pillar.VULNERABILITIES, null, weight,
                    List.of(Check.missing("scans", "Imported scans in this environment")));
        }
        List<Check> checks = new ArrayList<>();
        double penalty = 0;
        for (Severity severity : Severity.values()) {
            int open = inputs.open(severity);
            int late = inputs.pastSla(severity);
            double points = rules.penalty(severity) * ((open - late) + late * rules.slaFactor());
            penalty += points;
            String actual = open + " open" + (late > 0 ? ", " + late + " past SLA" : "") + (points > 0 ? " (−" + number(points) + ")" : "");
            checks.add(new Check("open_" + severity.name().toLowerCase(Locale.ROOT),
                    "No open " + severity.name().toLowerCase(Locale.ROOT) + " finding", open == 0, false, actual));
        }
        checks.add(new Check("waived", "Waived findings (false positive or risk accepted), not counted", true, false,
                String.valueOf(inputs.waived())));
        return new PillarScore(Pillar.VULNERABILITIES, round(Math.max(0, 100 - penalty)), weight, checks);
    }

    PillarScore controls(ScoreInputs inputs) {
        double weight = rules.weight(Pillar.CONTROLS);
        if (inputs.controls().isEmpty()) {
            return new PillarScore(Pillar.CONTROLS, null, weight,
                    List.of(Check.missing("controls", "Evaluated account controls")));
        }
        double passed = 0;
        double total = 0;
        List<Check> checks = new ArrayList<>();
        for (ScoreInputs.ControlResult control : inputs.controls()) {
            double w = rules.controlWeight(control.severity());
            total += w;
            passed += control.passed() ? w : 0;
            checks.add(new Check("control:" + control.id(), control.title(), control.passed(), false,
                    (control.passed() ? "passes" : "fails") + " (weight " + number(w) + ")"));
        }
        return new PillarScore(Pillar.CONTROLS, round(passed * 100 / total), weight, checks);
    }

    PillarScore training(ScoreInputs inputs) {
        double weight = rules.weight(Pillar.TRAINING);
        if (inputs.training() == null) {
            return new PillarScore(Pillar.TRAINING, null, weight,
                    List.of(Check.missing("training", "Required training of the team's members")));
        }
        return new PillarScore(Pillar.TRAINING, round(inputs.training()), weight, List.of(
                new Check("training", "Mean completion of the required curricula", inputs.training() >= 100, false,
                        number(inputs.training()) + "%"),
                new Check("members_trained", "Members who finished every required curriculum",
                        inputs.membersDone() == inputs.members(), false, inputs.membersDone() + " of " + inputs.members())));
    }

    PillarScore freshness(ScoreInputs inputs) {
        List<Check> checks = new ArrayList<>();
        int fresh = 0;
        for (String kind : rules.requiredKinds()) {
            Instant last = inputs.lastScanByKind().get(kind);
            boolean isFresh = fresh(inputs, kind);
            fresh += isFresh ? 1 : 0;
            checks.add(new Check("fresh:" + kind, "A " + kind + " scan in the last " + rules.freshDays() + " days", isFresh, false,
                    last == null ? "never" : Duration.between(last, inputs.now()).toDays() + " days ago"));
        }
        return new PillarScore(Pillar.FRESHNESS, round(fresh * 100.0 / rules.requiredKinds().size()),
                rules.weight(Pillar.FRESHNESS), checks);
    }

    private boolean fresh(ScoreInputs inputs, String kind) {
        Instant last = inputs.lastScanByKind().get(kind);
        return last != null && last.isAfter(inputs.now().minus(Duration.ofDays(rules.freshDays())));
    }

    private Check levelCheck(LevelRule rule, ScoreInputs inputs, Double score) {
        String check = rule.check();
        if (check.startsWith("control:")) {
            String id = check.substring("control:".length());
            return inputs.controls().stream().filter(c -> c.id().equals(id)).findFirst()
                    .map(c -> new Check(check, rule.label(), c.passed(), false, c.passed() ? "passes" : "fails"))
                    .orElseGet(() -> Check.missing(check, rule.label()));
        }
        if (check.startsWith("fresh:")) {
            boolean fresh = fresh(inputs, check.substring("fresh:".length()));
            return new Check(check, rule.label(), fresh, false, fresh ? "fresh" : "stale or never");
        }
        Double actual = switch (check) {
            case "open_critical" -> inputs.scanned() ? (double) inputs.open(Severity.CRITICAL) : null;
            case "high_past_sla" -> inputs.scanned() ? (double) inputs.pastSla(Severity.CRITICAL) + inputs.pastSla(Severity.HIGH) : null;
            case "score" -> score;
            case "training" -> inputs.training();
            case "members_trained" -> inputs.members() == 0 || inputs.training() == null ? null : inputs.membersDone() * 100.0 / inputs.members();
            default -> throw new IllegalStateException("unchecked metric " + check);
        };
        if (actual == null) {
            return Check.missing(check, rule.label());
        }
        boolean passed = rule.operator().equals("<=") ? actual <= rule.threshold() : actual >= rule.threshold();
        return new Check(check, rule.label(), passed, false, number(round(actual)));
    }

    private List<FixItem> fixNext(ScoreInputs inputs, Scorecard card) {
        if (card.score() == null) {
            return List.of();
        }
        List<FixItem> items = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            int open = inputs.open(severity);
            if (open > 0) {
                String name = severity.name().toLowerCase(Locale.ROOT);
                add(items, card, inputs.withFixed(severity), Pillar.VULNERABILITIES,
                        "Fix the " + open + " open " + name + " finding" + (open == 1 ? "" : "s"), null);
            }
        }
        for (ScoreInputs.ControlResult control : inputs.controls()) {
            if (!control.passed()) {
                add(items, card, inputs.withPassing(control.id()), Pillar.CONTROLS, "Make the control pass: " + control.title(), control.lesson());
            }
        }
        if (inputs.training() != null && inputs.training() < 100) {
            add(items, card, inputs.withTrainingDone(), Pillar.TRAINING, "Finish the required training", null);
        }
        for (String kind : rules.requiredKinds()) {
            if (!fresh(inputs, kind)) {
                add(items, card, inputs.withFreshScan(kind), Pillar.FRESHNESS, "Import a fresh " + kind + " scan", null);
            }
        }
        items.sort(Comparator.comparingDouble(FixItem::gain).reversed());
        return items;
    }

    private void add(List<FixItem> items, Scorecard card, ScoreInputs after, Pillar pillar, String action, String lesson) {
        double gain = round(scoreOnly(after).score() - card.score());
        if (gain > 0) {
            items.add(new FixItem(pillar, action, gain, lesson));
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
