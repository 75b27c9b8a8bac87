package io.tollgate.ci.rest;

import io.restassured.response.Response;
import io.tollgate.ci.Signing;
import io.tollgate.findings.SemgrepReports;
import io.tollgate.org.TeamRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The webhook against unauthenticated denial of service: forged requests cost their sender (per client address),
 * never the team they name; no body is read or stored before the credential is checked; the bytes spooled are
 * bounded in total; and an anonymous caller learns nothing about a team from the refusals. Forged requests come from
 * loopback addresses of their own (127.0.1.x), so that their failures do not count against the other tests.
 */
@QuarkusTest
class WebhookHardeningTest {

    private static final String WEBHOOK = Signing.WEBHOOK;

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    String team;
    Browser lead;
    byte[] report;

    @BeforeEach
    void setUp() {
        team = data.team();
        TestData.TestUser leadUser = data.user();
        data.member(team, leadUser, TeamRole.LEAD);
        lead = Browser.signedIn(leadUser, totp);
        report = SemgrepReports.report(List.of(new SemgrepReports.Result("rules.sqli", "src/app.py", 12, "ERROR", "CWE-89")))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void seventyForgedRequestsDoNotSpendTheTeamsRate() {
        String secret = secret();
        String query = query(team);
        for (int i = 0; i < 70; i++) {
            int status = forged(i % 2 == 0 ? "127.0.1.1" : "127.0.1.2", "forged-" + i, query, report).statusCode();
            assertThat(status).isIn(401, 429);
        }
        Signing.github(secret, "real-1", Signing.now(), query, report).post(WEBHOOK + "?" + query).then().statusCode(200)
                .body("scan.records", equalTo(1));
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(1));
    }

    @Test
    void failedAuthenticationsAreLimitedPerClientAddress() {
        String secret = secret();
        String query = query(team);
        int limit = ConfigProvider.getConfig().getValue("tollgate.ci.failures-per-address", Integer.class);
        for (int i = 0; i < limit; i++) {
            forged("127.0.1.3", "f-" + i, query, report).then().statusCode(401);
        }
        forged("127.0.1.3", "f-over", query, report).then().statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json").body("detail", containsString("failed authentications from this address"));
        // Even a good signature from that address waits; another address is not affected.
        Signing.send(report, "127.0.1.3").headers(Signing.githubHeaders(secret, "good-1", Signing.now(), query, report))
                .post(WEBHOOK + "?" + query).then().statusCode(429);
        Signing.github(secret, "good-2", Signing.now(), query, report).post(WEBHOOK + "?" + query).then().statusCode(200);

        for (int i = 0; i < limit; i++) {
            Signing.send(report, "127.0.1.4").header("Authorization", "Bearer tgt_" + "B".repeat(43))
                    .post(WEBHOOK + "?" + query).then().statusCode(401);
        }
        Signing.send(report, "127.0.1.4").header("Authorization", "Bearer tgt_" + "B".repeat(43))
                .post(WEBHOOK + "?" + query).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void aBadCredentialIsRefusedBeforeTheBodyIsRead() throws IOException {
        secret();
        List<Path> before = spooled();
        String query = query(team);
        // 100 bytes of a body announced as 1 MiB: the refusal must come without waiting for the rest.
        try (Socket socket = connect("127.0.1.5")) {
            String status = send(socket, query, Map.of("Authorization", "Bearer tgt_" + "C".repeat(43)), 1024 * 1024, 100);
            assertThat(status).startsWith("HTTP/1.1 401");
        }
        try (Socket socket = connect("127.0.1.5")) {
            Map<String, String> forged = Signing.githubHeaders("whsec_" + "A".repeat(44), "slow-1", Signing.now(), query, report);
            String status = send(socket, query, forged, 1024 * 1024, 100);
            assertThat(status).startsWith("HTTP/1.1 401");
        }
        assertThat(spooled()).isEqualTo(before);
        lead.json().get("/api/v1/scans?team=" + team).then().body("total", equalTo(0));
    }

    @Test
    void theSpoolIsBoundedInTotalAndForgeriesWriteNothing() throws Exception {
        String token = lead.json().body(Map.of("name", "spool " + TestData.unique(), "scopes", List.of("scans:upload")))
                .post("/api/v1/ci/teams/" + team + "/tokens").then().statusCode(201).extract().path("value");
        secret();
        String query = query(team);
        long perRequest = ConfigProvider.getConfig().getValue("tollgate.ci.max-body-bytes", Long.class);
        long total = ConfigProvider.getConfig().getValue("tollgate.ci.max-spool-bytes", Long.class);
        List<Path> before = spooled();
        byte[] second = new byte[(int) (total - perRequest + 1)];
        Arrays.fill(second, (byte) ' ');
        try (Socket slow = connect("127.0.0.1")) {
            // An authenticated upload of the largest size that streams slowly holds its share of the spool.
            startUpload(slow, query, Map.of("Authorization", "Bearer " + token), perRequest, 64 * 1024);
            waitFor(() -> spooled().size() > before.size());

            Signing.send(second).header("Authorization", "Bearer " + token).post(WEBHOOK + "?" + query).then()
                    .statusCode(503).header("Retry-After", notNullValue()).body("detail", containsString(total + " bytes"));
            try (Socket forgery = connect("127.0.1.6")) {
                Map<String, String> forged = Signing.githubHeaders("whsec_" + "A".repeat(44), "big-1", Signing.now(), query,
                        second);
                assertThat(send(forgery, query, forged, perRequest, 64 * 1024)).startsWith("HTTP/1.1 401");
            }
            assertThat(spooled()).hasSize(before.size() + 1);
        }
        // The slow upload ended (its client went away): its file and its share are given back.
        waitFor(() -> spooled().size() == before.size());
        waitFor(() -> Signing.send(second).header("Authorization", "Bearer " + token).post(WEBHOOK + "?" + query)
                .statusCode() != 503);
    }

    @Test
    void anonymousRefusalsAreTheSameWhetherTheTeamExistsOrHasSecrets() {
        secret();
        String withoutSecrets = data.team();
        String unknown = "no-such-team-" + TestData.unique();
        List<String> forgedAnswers = new ArrayList<>();
        List<String> tokenAnswers = new ArrayList<>();
        for (String slug : List.of(team, withoutSecrets, unknown)) {
            String query = query(slug);
            Response forged = forged("127.0.1.7", "anon-1", query, report);
            forgedAnswers.add(forged.statusCode() + " " + forged.header("WWW-Authenticate") + " "
                    + forged.asString().replace(slug, "<team>"));
            Response token = Signing.send(report, "127.0.1.7").header("Authorization", "Bearer tgt_" + "D".repeat(43))
                    .post(WEBHOOK + "?" + query);
            tokenAnswers.add(token.statusCode() + " " + token.asString().replace(slug, "<team>"));
        }
        assertThat(forgedAnswers).allSatisfy(answer -> assertThat(answer).startsWith("401 "));
        assertThat(forgedAnswers).containsOnly(forgedAnswers.get(0));
        assertThat(forgedAnswers.get(0)).doesNotContain("<team>");
        assertThat(tokenAnswers).allSatisfy(answer -> assertThat(answer).startsWith("401 "));
        assertThat(tokenAnswers).containsOnly(tokenAnswers.get(0));
    }

    /** A request signed with a secret that is not the team's, in the current format. */
    private static Response forged(String address, String delivery, String query, byte[] body) {
        return Signing.send(body, address)
                .headers(Signing.githubHeaders("whsec_" + "F".repeat(44), delivery, Signing.now(), query, body))
                .post(WEBHOOK + "?" + query);
    }

    private String secret() {
        return lead.json().body(Map.of("name", "signing " + TestData.unique())).post("/api/v1/ci/teams/" + team + "/secrets")
                .then().statusCode(201).extract().path("value");
    }

    private static String query(String slug) {
        return "team=" + slug + "&environment=dev&component=acme/app";
    }

    private static List<Path> spooled() {
        Path directory = Path.of(ConfigProvider.getConfig().getValue("tollgate.ci.spool-directory", String.class));
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Socket connect(String localAddress) throws IOException {
        URI url = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        Socket socket = new Socket(url.getHost(), url.getPort(), InetAddress.getByName(localAddress), 0);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends the head of a POST announcing {@code length} bytes and then only {@code sent} of them. */
    private static void startUpload(Socket socket, String query, Map<String, String> headers, long length, int sent)
            throws IOException {
        StringBuilder head = new StringBuilder("POST " + WEBHOOK + "?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + length + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        byte[] part = new byte[sent];
        Arrays.fill(part, (byte) ' ');
        out.write(part);
        out.flush();
    }

    /** {@link #startUpload}, then the status line of the answer, which must come while the body is still unsent. */
    private static String send(Socket socket, String query, Map<String, String> headers, long length, int sent)
            throws IOException {
        startUpload(socket, query, headers, length, sent);
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            for (int c; (c = in.read()) != -1 && c != '\r'; ) {
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            return "no answer while the body was unsent";
        }
        return line.toString();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
