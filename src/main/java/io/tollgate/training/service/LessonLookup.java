package io.tollgate.training.service;

import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.training.catalog.Classification;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.Track;
import io.tollgate.training.catalog.TrainingCatalog;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Stream;

/**
 * Finds lessons: by track and tag, and the one that teaches a weakness from exactly one of: a CWE id (resolved through the OWASP Top 10 CWE
 * lists, 2025 and 2021, then the lessons' tags), an OWASP category (A05:2025, or a 2021 id such as A03:2021), a
 * Serverless Top 10 id or a practice id.
 */
@ApplicationScoped
public class LessonLookup {

    private final TrainingCatalog catalog;

    LessonLookup(TrainingCatalog catalog) {
        this.catalog = catalog;
    }

    /** The lessons of a track (an id of {@link Track}) and with a tag, each when given, in catalogue order. */
    public List<Lesson> search(String track, String tag) {
        List<Lesson> lessons = present(tag) ? catalog.lessonsTagged(tag.strip()) : catalog.lessons();
        if (!present(track)) {
            return lessons;
        }
        Track wanted = Track.fromId(track.strip()).orElseThrow(() -> new InvalidInputException("track",
                "must be one of " + Stream.of(Track.values()).map(Track::id).toList()));
        return lessons.stream().filter(l -> l.track() == wanted).toList();
    }

    /** The classification with its lesson; "not found" when no lesson teaches it. */
    public Classification lookup(String cwe, String owasp, String sas, String practice) {
        List<String> given = Stream.of(cwe, owasp, sas, practice).filter(v -> v != null && !v.isBlank()).toList();
        if (given.size() != 1) {
            throw new InvalidInputException("cwe", "give exactly one of cwe, owasp, sas or practice");
        }
        Classification found;
        if (present(cwe)) {
            String digits = cwe.strip().toUpperCase().replaceFirst("^CWE-", "");
            if (!digits.matches("[1-9]\\d{0,4}")) {
                throw new InvalidInputException("cwe", "must be a CWE id like CWE-89 or 89");
            }
            found = catalog.classify(List.of(Integer.valueOf(digits)), null);
        } else if (present(owasp)) {
            String category = catalog.owasp2025(owasp).orElseThrow(() -> new InvalidInputException("owasp",
                    "must be an OWASP Top 10 category like A05:2025 or A03:2021"));
            found = new Classification(category, null, null, catalog.lessonForOwasp(category).orElse(null));
        } else if (present(sas)) {
            String id = sas.strip().toUpperCase();
            found = new Classification(null, id, null, catalog.lessonForSas(id).orElse(null));
        } else {
            String id = practice.strip();
            found = new Classification(null, null, id, catalog.lessonForPractice(id).orElse(null));
        }
        if (found.lesson() == null) {
            throw new NotFoundException("Lesson", given.get(0).strip());
        }
        return found;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
