package io.tollgate.bench;

import io.tollgate.findings.parsers.sarif.LargeSarifGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times report imports against a running Tollgate over real HTTP: generates a SARIF report of N results, uploads it
 * (raw body, with curl, as CI does) into a component of its own, then uploads it again, and prints the time from
 * the start of the upload to the response, which comes after the rows are committed. Timed reports are followed by
 * a third upload, a full scan without the last 1% of the results, which fixes those findings. Run by
 * src/test/bench/import-benchmark.sh; not a test.
 * <p>
 * Before the timed reports, {@code bench.warmup} pairs of 100,000-result uploads (default 3) let the server's JIT
 * compiler finish its work, as on a server that has been running; they are printed as warm-up. Uploads are
 * {@code bench.pause} seconds apart (default 2), so that each import finds the server idle, its previous import's
 * scorecard snapshot taken.
 * <p>
 * Arguments: base URL, admin e-mail, admin password (the first admin of a fresh database), then result counts.
 */
public final class ImportBenchmark {

    private static final int WARM_UP_RESULTS = 100_000;

    private final BenchSession session;
    private final long pauseMillis = Long.getLong("bench.pause", 2) * 1000;
    private int reports;

    private ImportBenchmark(String base) {
        this.session = new BenchSession(base);
    }

    public static void main(String[] args) throws Exception {
        ImportBenchmark bench = new ImportBenchmark(args[0]);
        bench.session.signIn(args[1], args[2]);
        bench.session.send("POST", "/api/v1/teams", "application/json", "{\"slug\":\"bench\",\"name\":\"Benchmark\"}");
        System.out.printf("%-12s %-14s %12s %12s %14s %10s %10s%n", "results", "upload", "bytes", "seconds", "findings/s",
                "new", "fixed");
        for (int i = 0; i < Integer.getInteger("bench.warmup", 3); i++) {
            bench.firstAndAgain(WARM_UP_RESULTS, "warm-up ");
        }
        for (int i = 3; i < args.length; i++) {
            bench.firstAndAgain(Integer.parseInt(args[i]), "");
            bench.fixing(Integer.parseInt(args[i]));
        }
    }

    /** Generates a report, imports it into a new component (all new), then again (all found again). */
    private void firstAndAgain(int results, String label) throws IOException, InterruptedException {
        Path report = Files.createTempFile("tollgate-bench-", ".sarif");
        try {
            LargeSarifGenerator.write(report, results);
            String component = "bench-" + ++reports + "-" + results;
            time(results, report, component, label + "first");
            time(results, report, component, label + "again");
        } finally {
            Files.delete(report);
        }
    }

    /**
     * Imports the last report without its last 1% of results into the same component: a full scan that fixes those
     * findings, which makes the import pass over every open finding of the component.
     */
    private void fixing(int results) throws IOException, InterruptedException {
        Path report = Files.createTempFile("tollgate-bench-", ".sarif");
        try {
            int kept = results - results / 100;
            LargeSarifGenerator.write(report, kept);
            time(kept, report, "bench-" + reports + "-" + results, "fixing");
        } finally {
            Files.delete(report);
        }
    }

    private void time(int results, Path report, String component, String label) throws IOException, InterruptedException {
        Thread.sleep(pauseMillis);
        BenchSession.Upload upload = session.upload("/api/v1/scans?team=bench&environment=dev&format=sarif&component="
                + component, report);
        if (upload.status() != 201) {
            throw new IllegalStateException("upload answered " + upload.status() + ": " + upload.body());
        }
        System.out.printf("%-12d %-14s %12d %12.2f %14.0f %10s %10s%n", results, label, Files.size(report), upload.seconds(),
                results / upload.seconds(), count(upload, "newCount"), count(upload, "fixed"));
    }

    private static String count(BenchSession.Upload upload, String field) {
        Matcher count = Pattern.compile("\"" + field + "\":(\\d+)").matcher(upload.body());
        return count.find() ? count.group(1) : "?";
    }
}
