package io.tollgate.findings.service;

import io.tollgate.findings.Finding;
import io.tollgate.platform.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the findings list resumes: the sort order it was handed out for, the sort value of the page's last
 * finding and its id, as URL-safe Base64 of {@code sort|value|id}. A cursor that is not one the list hands out (cut,
 * garbled, too long, out of range, or of another sort order) is refused as invalid input naming {@code cursor}.
 */
record FindingCursor(FindingSort sort, Object value, long id) {

    /** Far longer than any cursor the list hands out (about 60 characters); longer ones are not decoded. */
    static final int MAX_LENGTH = 200;

    private static final String START_AGAIN = "; start again from the first page, without a cursor";
    /** Severity ranks as the database computes them: INFO 1 to CRITICAL 5. */
    private static final int LOWEST_RANK = 1;
    private static final int HIGHEST_RANK = 5;
    /** Timestamps from the start of year 1 to the end of 9999, well inside what PostgreSQL stores. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The cursor that resumes after the given finding. */
    static String after(FindingSort sort, Finding finding) {
        String text = sort.parameter() + "|" + sort.valueOf(finding) + "|" + finding.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor handed out for the given sort order. */
    static FindingCursor read(String cursor, FindingSort sort) {
        if (cursor.length() > MAX_LENGTH) {
            throw refused("is longer than " + MAX_LENGTH + " characters");
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw refused("is not a cursor this list handed out");
        }
        if (parts.length != 3) {
            throw refused("is not a cursor this list handed out");
        }
        if (!parts[0].equals(sort.parameter())) {
            throw refused("was handed out for another sort order, not sort=" + sort.parameter());
        }
        return new FindingCursor(sort, value(sort, parts[1]), id(parts[2]));
    }

    private static Object value(FindingSort sort, String text) {
        try {
            if (sort == FindingSort.SEVERITY) {
                int rank = Integer.parseInt(text);
                if (rank >= LOWEST_RANK && rank <= HIGHEST_RANK) {
                    return rank;
                }
            } else {
                Instant at = Instant.parse(text);
                if (!at.isBefore(EARLIEST) && !at.isAfter(LATEST)) {
                    return at;
                }
            }
        } catch (NumberFormatException | DateTimeException e) {
            // refused below
        }
        throw refused("is not a cursor this list handed out");
    }

    private static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused("is not a cursor this list handed out");
    }

    private static InvalidInputException refused(String why) {
        return new InvalidInputException("cursor", why + START_AGAIN);
    }
}
