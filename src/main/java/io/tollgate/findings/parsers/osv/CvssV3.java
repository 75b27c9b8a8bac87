package io.tollgate.findings.parsers.osv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The CVSS v3.0/v3.1 base score of a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}, by the
 * specification's formulas. OSV records give vectors without scores; this turns them into Tollgate's severity.
 */
final class CvssV3 {

    private CvssV3() {
    }

    /** The base score, or empty when the text is not a complete CVSS v3 vector. */
    static OptionalDouble baseScore(String vector) {
        if (vector == null || !vector.startsWith("CVSS:3.")) {
            return OptionalDouble.empty();
        }
        Map<String, String> metrics = new HashMap<>();
        for (String part : vector.split("/")) {
            String[] pair = part.split(":", 2);
            if (pair.length == 2) {
                metrics.put(pair[0], pair[1]);
            }
        }
        try {
            boolean changed = switch (metric(metrics, "S")) {
                case "U" -> false;
                case "C" -> true;
                default -> throw new IllegalArgumentException();
            };
            double exploitability = 8.22 * attackVector(metric(metrics, "AV")) * attackComplexity(metric(metrics, "AC"))
                    * privileges(metric(metrics, "PR"), changed) * userInteraction(metric(metrics, "UI"));
            double subScore = 1 - (1 - impact(metric(metrics, "C"))) * (1 - impact(metric(metrics, "I")))
                    * (1 - impact(metric(metrics, "A")));
            double impact = changed ? 7.52 * (subScore - 0.029) - 3.25 * Math.pow(subScore - 0.02, 15) : 6.42 * subScore;
            if (impact <= 0) {
                return OptionalDouble.of(0.0);
            }
            double total = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
            return OptionalDouble.of(roundUp(Math.min(total, 10)));
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
    }

    private static String metric(Map<String, String> metrics, String name) {
        return metrics.getOrDefault(name, "");
    }

    private static double attackVector(String value) {
        return switch (value) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            case "P" -> 0.2;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static double attackComplexity(String value) {
        return switch (value) {
            case "L" -> 0.77;
            case "H" -> 0.44;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static double privileges(String value, boolean scopeChanged) {
        return switch (value) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            case "H" -> scopeChanged ? 0.5 : 0.27;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static double userInteraction(String value) {
        return switch (value) {
            case "N" -> 0.85;
            case "R" -> 0.62;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static double impact(String value) {
        return switch (value) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            case "N" -> 0.0;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** CVSS v3.1's round-up to one decimal, done in decimal arithmetic so that 4.000000001 stays 4.0. */
    private static double roundUp(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP).setScale(1, RoundingMode.CEILING).doubleValue();
    }
}
