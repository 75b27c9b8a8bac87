package io.tollgate.training.rest;

import io.tollgate.platform.Csv;
import io.tollgate.training.service.ItemProgress;
import io.tollgate.training.service.ProgressService.MemberProgress;
import io.tollgate.training.service.ProgressService.TeamProgress;

import java.util.List;
import java.util.stream.Stream;

/** Completion by person as CSV ({@link Csv}): one row per member and assigned item. */
final class ProgressCsv {

    static final List<String> HEADER = List.of("team", "email", "name", "role", "kind", "item", "title", "mandatory",
            "due_on", "status", "lessons_completed", "lessons_total", "percent", "completed_at");

    private ProgressCsv() {
    }

    static String of(TeamProgress progress) {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER.stream()));
        for (MemberProgress member : progress.members()) {
            for (ItemProgress item : member.plan().items()) {
                csv.append(Csv.line(Stream.of(progress.team().slug, member.membership().person.email,
                        member.membership().person.displayName, member.membership().role.name(),
                        item.item().kind().name(), item.item().id(), item.item().title(), String.valueOf(item.mandatory()),
                        item.dueOn().toString(), item.status().name(), String.valueOf(item.completed()),
                        String.valueOf(item.total()), String.valueOf(item.percent()),
                        item.completedAt() == null ? "" : item.completedAt().toString())));
            }
        }
        return csv.toString();
    }
}
