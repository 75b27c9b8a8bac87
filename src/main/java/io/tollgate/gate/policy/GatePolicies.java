package io.tollgate.gate.policy;

import io.quarkus.runtime.Startup;
import io.tollgate.controls.Control;
import io.tollgate.controls.ControlCatalog;
import io.tollgate.platform.ContentConfig;
import io.tollgate.platform.ContentException;
import io.tollgate.scorecard.scoring.Scoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The promotion policies, read and validated at start-up from content/policies/: {@code default.txt} for every
 * team, and {@code teams/<slug>.txt} whose conditions are added to the default's for one team, so that a team's
 * policy can only be stricter; the one exception is a team's {@code replace} line, which swaps a default condition on
 * open findings for the same condition on the findings new since the team's baseline decision.
 */
@Startup
@ApplicationScoped
public class GatePolicies {

    private final Policy defaultPolicy;
    private final Map<String, Policy> byTeam = new TreeMap<>();

    @Inject
    GatePolicies(ContentConfig content, ControlCatalog catalog, Scoring scoring) {
        this(Path.of(content.dir(), "policies"), new PolicyParser(
                catalog.all().stream().map(Control::id).collect(Collectors.toSet()), Set.copyOf(scoring.rules().requiredKinds())));
    }

    GatePolicies(Path dir, PolicyParser parser) {
        Path defaultFile = dir.resolve("default.txt");
        String defaultText = read(defaultFile);
        defaultPolicy = new Policy(sha256(defaultText), parser.parse(defaultFile, defaultText));
        Path teams = dir.resolve("teams");
        if (Files.isDirectory(teams)) {
            try (Stream<Path> files = Files.list(teams)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                    String text = read(file);
                    PolicyFile teamFile = parser.parseTeamFile(file, text);
                    List<Condition> conditions = replaced(file, teamFile.replacements());
                    conditions.addAll(teamFile.conditions());
                    String slug = file.getFileName().toString().replaceFirst("\\.txt$", "");
                    byTeam.put(slug, new Policy(defaultPolicy.hash() + "/" + sha256(text), List.copyOf(conditions)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The default conditions with the team's replacements made: each must name a default condition exactly, once.
     * The parser has checked that a replacement is the baseline variant of what it replaces, so nothing loosens.
     */
    private List<Condition> replaced(Path file, List<Replacement> replacements) {
        List<Condition> conditions = new ArrayList<>(defaultPolicy.conditions());
        List<Condition> done = new ArrayList<>();
        for (Replacement replacement : replacements) {
            Condition target = replacement.replaced();
            int index = -1;
            for (int i = 0; i < defaultPolicy.conditions().size(); i++) {
                if (same(defaultPolicy.conditions().get(i), target)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new ContentException(file, replacement.line(), "the default policy has no condition '" + target.text() + "' to replace");
            }
            if (done.contains(defaultPolicy.conditions().get(index))) {
                throw new ContentException(file, replacement.line(), "'" + target.text() + "' is replaced twice");
            }
            done.add(defaultPolicy.conditions().get(index));
            conditions.set(index, replacement.replacement());
        }
        return conditions;
    }

    /** Whether two finding conditions (the only kind a replacement names) say the same. */
    private static boolean same(Condition a, Condition b) {
        return a.kind() == b.kind() && a.metric().equals(b.metric()) && a.operator() == b.operator()
                && Double.parseDouble(a.threshold()) == Double.parseDouble(b.threshold());
    }

    /** The policy that applies to the team: the default one, tightened by the team's file if it has one. */
    public Policy forTeam(String slug) {
        return byTeam.getOrDefault(slug, defaultPolicy);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
