package io.tollgate.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tollgate.org.GlobalRole;
import io.tollgate.security.TotpAuthenticator;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 1 MiB limit on ordinary request bodies holds however the body comes: with a Content-Length, chunked over
 * HTTP/1.1, or over HTTP/2 cleartext (prior knowledge) without any length, counted as the bytes arrive.
 */
@QuarkusTest
class RequestSizeLimitTest {

    /** A valid team draft padded with JSON white space past 1 MiB: over the limit only by its size. */
    private static final int PADDING = 1_200_000;
    private static final int CHUNK = 16 * 1024;

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    Vertx vertx;

    Browser admin;
    HttpClient client;

    @BeforeEach
    void signInAdmin() {
        admin = Browser.signedIn(data.user(GlobalRole.SECURITY_ADMIN), totp);
    }

    @AfterEach
    void closeClient() throws Exception {
        if (client != null) {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anHttp2BodyWithoutContentLengthIsCountedAsItArrivesAndRefused() throws Exception {
        String slug = "h2c-" + TestData.unique();
        Answer answer = send(HttpVersion.HTTP_2, slug);

        assertThat(answer.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":413").contains("larger than 1048576 bytes");
        admin.json().get("/api/v1/teams/" + slug).then().statusCode(404);
    }

    @Test
    void aChunkedHttp11BodyIsCountedAsItArrivesAndRefused() throws Exception {
        String slug = "chunked-" + TestData.unique();
        Answer answer = send(HttpVersion.HTTP_1_1, slug);

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        admin.json().get("/api/v1/teams/" + slug).then().statusCode(404);
    }

    @Test
    void requestsOverAConnectionUpgradedToHttp2AreServedAsUsual() throws Exception {
        // The JDK's client upgrades a cleartext connection to HTTP/2 (h2c), as the import benchmark's does.
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + RestAssured.port;
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        HttpResponse<String> upgraded = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upgraded.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(upgraded.statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/signin/enroll")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("a stage page without its cookie sends the person back to the start").isEqualTo(303);
    }

    private record Answer(HttpVersion version, int status, String contentType, String body) {
    }

    /** Posts the padded draft in chunks, without a Content-Length, as the signed-in admin. */
    private Answer send(HttpVersion version, String slug) throws Exception {
        client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(version)
                .setHttp2ClearTextUpgrade(false).setDefaultHost("localhost").setDefaultPort(RestAssured.port));
        String cookies = admin.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/teams")
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
                .putHeader("Origin", "http://localhost:" + RestAssured.port).putHeader("Cookie", cookies);
        client.request(options).onFailure(answer::completeExceptionally).onSuccess(request -> {
            request.response().onFailure(answer::completeExceptionally).onSuccess(response -> response.body()
                    .onFailure(answer::completeExceptionally)
                    .onSuccess(body -> answer.complete(new Answer(response.version(), response.statusCode(),
                            response.getHeader("Content-Type"), body.toString()))));
            request.setChunked(true);
            write(request, Map.of("slug", slug, "name", "Too large").entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", ", "{", ",")), PADDING);
        });
        return answer.get(30, TimeUnit.SECONDS);
    }

    /** Writes the head, then white space chunk by chunk as the connection takes it, then the closing brace. */
    private void write(HttpClientRequest request, String head, int padding) {
        request.write(head);
        Buffer spaces = Buffer.buffer(" ".repeat(CHUNK));
        int[] left = {padding};
        Runnable[] more = new Runnable[1];
        more[0] = () -> {
            while (left[0] > 0 && !request.writeQueueFull()) {
                request.write(spaces);
                left[0] -= CHUNK;
            }
            if (left[0] > 0) {
                request.drainHandler(v -> more[0].run());
            } else {
                request.end("}");
            }
        };
        more[0].run();
    }
}
