package io.tollgate.bench;

import io.tollgate.findings.parsers.sarif.LargeSarifGenerator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times report imports against a running Tollgate over real HTTP: generates a SARIF report of N results, uploads it
 * (raw body, as CI does) into a component of its own, then uploads it again, and prints the time from the start of the upload to the
 * response, which comes after the rows are committed. Run by src/test/bench/import-benchmark.sh; not a test.
 * <p>
 * Arguments: base URL, admin e-mail, admin password (the first admin of a fresh database), then result counts.
 */
public final class ImportBenchmark {

    private final BenchSession session;

    private ImportBenchmark(String base) {
        this.session = new BenchSession(base);
    }

    public static void main(String[] args) throws Exception {
        ImportBenchmark bench = new ImportBenchmark(args[0]);
        bench.session.signIn(args[1], args[2]);
        bench.session.send("POST", "/api/v1/teams", "application/json", "{\"slug\":\"bench\",\"name\":\"Benchmark\"}");
        System.out.printf("%-12s %-10s %12s %12s %14s %10s%n", "results", "upload", "bytes", "seconds", "findings/s", "new");
        for (int i = 3; i < args.length; i++) {
            int results = Integer.parseInt(args[i]);
            Path report = Files.createTempFile("tollgate-bench-", ".sarif");
            try {
                LargeSarifGenerator.write(report, results);
                String component = "bench-" + i + "-" + results;
                bench.time(results, report, component, "first");
                bench.time(results, report, component, "again");
            } finally {
                Files.delete(report);
            }
        }
    }

    private void time(int results, Path report, String component, String label) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = session.upload("/api/v1/scans?team=bench&environment=dev&format=sarif&component="
                + component, report);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        Matcher created = Pattern.compile("\"newCount\":(\\d+)").matcher(response.body());
        System.out.printf("%-12d %-10s %12d %12.2f %14.0f %10s%n", results, label, Files.size(report), seconds,
                results / seconds, created.find() ? created.group(1) : "?");
    }
}
