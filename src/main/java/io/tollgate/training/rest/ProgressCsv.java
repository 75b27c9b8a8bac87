package io.tollgate.training.rest;

import io.tollgate.training.service.ItemProgress;
import io.tollgate.training.service.ProgressService.MemberProgress;
import io.tollgate.training.service.ProgressService.TeamProgress;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Completion by person as CSV (RFC 4180): one row per member and assigned item. Cells that a spreadsheet would
 * take for a formula are prefixed with an apostrophe, since names come from people.
 */
final class ProgressCsv {

    static final List<String> HEADER = List.of("team", "email", "name", "role", "kind", "item", "title", "mandatory",
            "due_on", "status", "lessons_completed", "lessons_total", "percent", "completed_at");

    private ProgressCsv() {
    }

    static String of(TeamProgress progress) {
        StringBuilder csv = new StringBuilder(line(HEADER.stream()));
        for (MemberProgress member : progress.members()) {
            for (ItemProgress item : member.plan().items()) {
                csv.append(line(Stream.of(progress.team().slug, member.membership().person.email,
                        member.membership().person.displayName, member.membership().role.name(),
                        item.item().kind().name(), item.item().id(), item.item().title(), String.valueOf(item.mandatory()),
                        item.dueOn().toString(), item.status().name(), String.valueOf(item.completed()),
                        String.valueOf(item.total()), String.valueOf(item.percent()),
                        item.completedAt() == null ? "" : item.completedAt().toString())));
            }
        }
        return csv.toString();
    }

    private static String line(Stream<String> cells) {
        return cells.map(ProgressCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
