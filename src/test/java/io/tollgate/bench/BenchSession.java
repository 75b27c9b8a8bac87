package io.tollgate.bench;

import io.tollgate.security.TotpAuthenticator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.util.stream.Collectors;

/**
 * A signed-in HTTP session of the benchmarks against a running Tollgate: signs in as the first admin of a fresh
 * database (enrolling an authenticator) through the real pages, then sends requests with its cookie.
 */
final class BenchSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"secret\" class=\"secret\">([A-Z2-7]+)<");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    /** The session's CSRF token, which every POST of the API carries once signed in. */
    private String csrfToken = "";

    BenchSession(String base) {
        this.base = base;
    }

    /** An upload's answer, and its time as curl measured it: from connecting to the last byte of the answer. */
    record Upload(int status, String body, double seconds) {
    }

    /**
     * Uploads a report file as the raw body with curl, as CI does (docs/ci/tollgate-upload.sh), so that the
     * benchmark's own JVM does no work while the upload is timed.
     */
    Upload upload(String path, Path report) throws IOException, InterruptedException {
        Path answer = Files.createTempFile("tollgate-bench-", ".json");
        try {
            Process curl = new ProcessBuilder("curl", "-sS", "-o", answer.toString(), "-w", "%{http_code} %{time_total}",
                    "-X", "POST", "-H", "Expect:", "-H", "Content-Type: application/json", "-H", "Cookie: " + cookies(),
                    "-H", "X-CSRF-Token: " + csrfToken,
                    "--upload-file", report.toString(), base + path).redirectErrorStream(true).start();
            String written = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (curl.waitFor() != 0) {
                throw new IllegalStateException("curl failed: " + written);
            }
            String[] statusAndTime = written.split(" ");
            return new Upload(Integer.parseInt(statusAndTime[0]), Files.readString(answer), Double.parseDouble(statusAndTime[1]));
        } finally {
            Files.delete(answer);
        }
    }

    private String cookies() {
        return cookies.getCookieStore().get(URI.create(base)).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    void signIn(String email, String password) throws IOException, InterruptedException {
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
        Matcher token = CSRF_META.matcher(send("GET", "/", null, null).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the home page");
        }
        csrfToken = token.group(1);
    }

    private String form(String path, String body) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(send("GET", "/signin", null, null).body());
        String token = csrf.find() ? csrf.group(1) : "";
        HttpResponse<String> response = send("POST", path, "application/x-www-form-urlencoded", body + "&csrf=" + token);
        return response.headers().firstValue("Location").orElse(path);
    }

    HttpResponse<String> send(String method, String path, String type, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (!"GET".equals(method) && !csrfToken.isEmpty()) {
            request.header("X-CSRF-Token", csrfToken);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
