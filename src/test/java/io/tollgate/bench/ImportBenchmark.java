package io.tollgate.bench;

import io.tollgate.findings.parsers.sarif.LargeSarifGenerator;
import io.tollgate.security.TotpAuthenticator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times report imports against a running Tollgate over real HTTP: generates a SARIF report of N results, uploads it
 * (raw body, as CI does), then uploads it again, and prints the time from the start of the upload to the
 * response, which comes after the rows are committed. Run by src/test/bench/import-benchmark.sh; not a test.
 * <p>
 * Arguments: base URL, admin e-mail, admin password (the first admin of a fresh database), then result counts.
 */
public final class ImportBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"secret\" class=\"secret\">([A-Z2-7]+)<");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private ImportBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        ImportBenchmark bench = new ImportBenchmark(args[0]);
        bench.signIn(args[1], args[2]);
        bench.send("POST", "/api/v1/teams", "application/json", "{\"slug\":\"bench\",\"name\":\"Benchmark\"}");
        System.out.printf("%-12s %-10s %12s %12s %14s %10s%n", "results", "upload", "bytes", "seconds", "findings/s", "new");
        for (int i = 3; i < args.length; i++) {
            int results = Integer.parseInt(args[i]);
            Path report = Files.createTempFile("tollgate-bench-", ".sarif");
            try {
                LargeSarifGenerator.write(report, results);
                bench.time(results, report, "first");
                bench.time(results, report, "again");
            } finally {
                Files.delete(report);
            }
        }
    }

    private void time(int results, Path report, String label) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/scans?team=bench&environment=dev&format=sarif&component=bench-" + results))
                .header("Content-Type", "application/sarif+json").POST(HttpRequest.BodyPublishers.ofFile(report)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        Matcher created = Pattern.compile("\"newCount\":(\\d+)").matcher(response.body());
        System.out.printf("%-12d %-10s %12d %12.2f %14.0f %10s%n", results, label, Files.size(report), seconds,
                results / seconds, created.find() ? created.group(1) : "?");
    }

    private void signIn(String email, String password) throws IOException, InterruptedException {
        String next = form("/signin", "email=" + encode(email) + "&password=" + encode(password));
        TotpAuthenticator totp = new TotpAuthenticator();
        if (next.endsWith("/signin/enroll")) {
            Matcher secret = SECRET.matcher(send("GET", "/signin/enroll", null, null).body());
            if (!secret.find()) {
                throw new IllegalStateException("no authenticator secret on the enrolment page");
            }
            form("/signin/enroll", "code=" + totp.codeAt(secret.group(1), Instant.now().getEpochSecond() / 30));
        } else {
            throw new IllegalStateException("the benchmark needs a fresh database (sign-in went to " + next + ")");
        }
    }

    private String form(String path, String body) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(send("GET", "/signin", null, null).body());
        String token = csrf.find() ? csrf.group(1) : "";
        HttpResponse<String> response = send("POST", path, "application/x-www-form-urlencoded", body + "&csrf=" + token);
        return response.headers().firstValue("Location").orElse(path);
    }

    private HttpResponse<String> send(String method, String path, String type, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
