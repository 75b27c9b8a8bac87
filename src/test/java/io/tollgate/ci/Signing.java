package io.tollgate.ci;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signs requests the way senders do, written from docs/ci/README.md, for the webhook tests: both conventions sign
 * {@code <delivery id>.<timestamp>.<query string>.<base64 SHA-256 of the body>} and send the digest in Content-Digest.
 * The requests are sent with the query string exactly as given (REST Assured does not re-encode it).
 */
public final class Signing {

    public static final String WEBHOOK = "/api/v1/ci/webhook";

    private Signing() {
    }

    /** A request signed in the GitHub convention: hex HMAC keyed with the secret's text. */
    public static RequestSpecification github(String secret, String delivery, long timestamp, String query, byte[] body) {
        return send(body).headers(githubHeaders(secret, delivery, timestamp, query, body));
    }

    /** The headers of {@link #github}, for tests that send them again with something changed. */
    public static Map<String, String> githubHeaders(String secret, String delivery, long timestamp, String query, byte[] body) {
        String signature = HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                content(delivery, timestamp, query, body)));
        return Map.of("X-Hub-Signature-256", "sha256=" + signature, "X-GitHub-Delivery", delivery,
                "Tollgate-Timestamp", Long.toString(timestamp), "Content-Digest", contentDigest(body));
    }

    /** A request signed in the Standard Webhooks convention: base64 HMAC keyed with the decoded whsec_ part. */
    public static RequestSpecification standard(String secret, String id, long timestamp, String query, byte[] body) {
        return send(body).headers(standardHeaders(secret, id, timestamp, query, body));
    }

    /** The headers of {@link #standard}, for tests that send them again with something changed. */
    public static Map<String, String> standardHeaders(String secret, String id, long timestamp, String query, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", "v1," + Base64.getEncoder().encodeToString(hmac(key, content(id, timestamp, query, body))),
                "Content-Digest", contentDigest(body));
    }

    /** A request without credentials whose query string is sent as given, from {@code address} (a loopback address). */
    public static RequestSpecification send(byte[] body, String address) {
        try {
            return send(body).config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(address))));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The current Unix time, as senders put it in their timestamp header. */
    public static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The Content-Digest header value of a body. */
    public static String contentDigest(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    /** A request without credentials whose query string is sent as given. */
    public static RequestSpecification send(byte[] body) {
        return RestAssured.given().urlEncodingEnabled(false).contentType("application/octet-stream").body(body);
    }

    private static byte[] content(String delivery, long timestamp, String query, byte[] body) {
        return (delivery + "." + timestamp + "." + query + "." + Base64.getEncoder().encodeToString(sha256(body)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of {@code content}. */
    public static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
