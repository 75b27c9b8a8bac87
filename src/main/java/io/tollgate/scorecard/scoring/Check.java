package io.tollgate.scorecard.scoring;

/**
 * One check behind a figure: what it looks at, whether it passed and the actual value. A check without data
 * ({@code missing}) never passes.
 */
public record Check(String id, String label, boolean passed, boolean missing, String actual) {

    static Check missing(String id, String label) {
        return new Check(id, label, false, true, "no data");
    }
}
