package io.tollgate.findings.parsers.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.findings.parsers.JsonReports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a result's message. SARIF lets a result carry its text, or only the id of a message string that its
 * rule (or the tool) defines, with {@code {0}}-style placeholders filled from the message's arguments. Without
 * either, the rule's short or full description stands in. Embedded links to related locations
 * ({@code [here](1)}) keep their text only.
 */
final class SarifMessages {

    private static final Pattern EMBEDDED_LINK = Pattern.compile("\\[([^\\]\\[]*)]\\((\\d+)\\)");

    private SarifMessages() {
    }

    /** The text of the result's message, or {@code null} when neither it nor its rule has one. */
    static String text(JsonNode result, JsonNode rule, SarifRun run) {
        JsonNode message = result.path("message");
        String id = JsonReports.text(message, "id");
        JsonNode ruleStrings = rule.path("messageStrings");
        String template = Texts.first(
                Texts.messageText(message),
                id == null ? null : Texts.messageText(ruleStrings.path(id)),
                run.globalMessageString(id),
                JsonReports.text(rule.path("shortDescription"), "text"),
                JsonReports.text(rule.path("fullDescription"), "text"),
                Texts.messageText(ruleStrings.path("default")));
        if (template == null) {
            return null;
        }
        String text = template.indexOf('{') < 0 && template.indexOf('}') < 0 ? template : fill(template, arguments(message));
        return (text.contains("](") ? EMBEDDED_LINK.matcher(text).replaceAll("$1") : text).strip();
    }

    /** Replaces {@code {n}} with the n-th argument; {@code {{} and {@code }}} are literal braces. */
    static String fill(String template, List<String> arguments) {
        StringBuilder text = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                text.append(c);
                i += 2;
            } else if (close > i + 1 && isArgument(template.substring(i + 1, close), arguments)) {
                text.append(arguments.get(Integer.parseInt(template.substring(i + 1, close))));
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }

    private static boolean isArgument(String placeholder, List<String> arguments) {
        return placeholder.length() <= 4 && placeholder.chars().allMatch(Character::isDigit)
                && Integer.parseInt(placeholder) < arguments.size();
    }

    /** The arguments in order; an argument that is null stays, as an empty text, so that indexes keep their place. */
    private static List<String> arguments(JsonNode message) {
        List<String> arguments = new ArrayList<>();
        for (JsonNode argument : message.path("arguments")) {
            arguments.add(argument.isNull() ? "" : argument.isValueNode() ? argument.asText() : argument.toString());
        }
        return arguments;
    }
}
