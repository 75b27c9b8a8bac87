package io.tollgate.findings.parsers.semgrep;

import java.util.List;

/**
 * Semgrep has no title for a result, only the rule's message, often several wrapped sentences. Its first sentence
 * makes the one line a person reads in a list.
 */
final class SemgrepMessages {

    private static final int LONGEST_TITLE = 160;

    private SemgrepMessages() {
    }

    /** The first sentence of the message, or the last part of the rule id when there is no message. */
    static String title(String message, String ruleId) {
        if (message == null || message.isBlank()) {
            return ruleId == null ? null : ruleId.substring(ruleId.lastIndexOf('.') + 1);
        }
        String text = message.strip().replaceAll("\\s+", " ");
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end) : text.replaceFirst("\\.$", "");
        return sentence.length() <= LONGEST_TITLE ? sentence : sentence.substring(0, LONGEST_TITLE - 1).stripTrailing() + "…";
    }

    /** The message without its trailing line break, followed by the OWASP categories the rule names. */
    static String description(String message, List<String> owaspCategories) {
        String text = message == null ? "" : message.strip();
        if (!owaspCategories.isEmpty()) {
            text += (text.isEmpty() ? "" : "\n\n") + "OWASP Top 10: " + String.join("; ", owaspCategories);
        }
        return text;
    }
}
