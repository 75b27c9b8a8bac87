package io.tollgate.bench;

import io.tollgate.findings.parsers.sarif.LargeSarifGenerator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times the scorecard pages and one team's recomputation against a running Tollgate loaded with
 * src/test/bench/scorecard-data.sql: the manager overview, a team scorecard, and an import of 10,000 findings, whose
 * answer comes after the scorecard snapshot that the import triggers. Run by src/test/bench/scorecard-benchmark.sh;
 * not a test.
 * <p>
 * Arguments: base URL, admin e-mail, admin password (the first admin of a fresh database), repetitions.
 */
public final class ScorecardBenchmark {

    private final BenchSession session;

    private ScorecardBenchmark(String base) {
        this.session = new BenchSession(base);
    }

    public static void main(String[] args) throws Exception {
        ScorecardBenchmark bench = new ScorecardBenchmark(args[0]);
        bench.session.signIn(args[1], args[2]);
        int repetitions = Integer.parseInt(args[3]);
        System.out.printf("%-44s %10s %10s %10s%n", "request", "median ms", "min ms", "max ms");
        bench.time("manager overview (GET /scorecards)", "/scorecards", repetitions);
        bench.time("organisation summary (GET /api/v1/scorecards)", "/api/v1/scorecards", repetitions);
        bench.time("team scorecard (GET /scorecards/bench-0500/prod)", "/scorecards/bench-0500/prod", repetitions);
        bench.time("team scorecard API", "/api/v1/scorecards/bench-0500/prod", repetitions);
        Path report = Files.createTempFile("tollgate-bench-", ".sarif");
        try {
            LargeSarifGenerator.write(report, 10_000);
            for (int i = 0; i < 3; i++) {
                BenchSession.Upload upload = bench.session.upload(
                        "/api/v1/scans?team=bench-0001&environment=dev&format=sarif&component=github.com/bench/import-" + i, report);
                if (upload.status() != 201) {
                    throw new IllegalStateException("upload answered " + upload.status() + ": " + upload.body());
                }
                System.out.printf("%-44s %10.0f%n", "import of 10,000 findings", upload.seconds() * 1000);
            }
        } finally {
            Files.delete(report);
        }
        bench.time("team scorecard after the imports", "/api/v1/scorecards/bench-0001/dev", repetitions);
    }

    private void time(String label, String path, int repetitions) throws IOException, InterruptedException {
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = session.send("GET", path, null, null);
            millis[i] = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        Arrays.sort(millis);
        System.out.printf("%-44s %10.0f %10.0f %10.0f%n", label, millis[repetitions / 2], millis[0], millis[repetitions - 1]);
    }
}
