package io.tollgate.ci.service;

import io.tollgate.ci.service.WebhookSignature.Convention;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two signature conventions: their keys and encodings checked against the published vectors, the signed content
 * against signatures made as senders do, and every part of the content shown to matter.
 */
class WebhookSignatureTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final long NOW = 1_800_000_000L;
    private static final String QUERY = "team=payments&environment=dev&component=github.com%2Facme%2Fapp";
    private static final byte[] BODY = "report".getBytes(StandardCharsets.UTF_8);

    @Test
    void githubsPublishedTestVectorGivesTheKeyAndEncoding() {
        byte[] mac = WebhookSignature.mac(Convention.GITHUB, "It's a Secret to Everybody",
                "Hello, World!".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void standardWebhooksPublishedVectorGivesTheKeyAndEncoding() {
        // The example of the Standard Webhooks specification and its reference libraries: id.timestamp.payload.
        byte[] mac = WebhookSignature.mac(Convention.STANDARD_WEBHOOKS, SECRET,
                "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getEncoder().encodeToString(mac)).isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void bothConventionsSignTheDeliveryTheTimeTheQueryAndTheBodysDigest() {
        String content = "id-1." + NOW + "." + QUERY + "." + Base64.getEncoder().encodeToString(sha256(BODY));
        assertThat(WebhookSignature.signedContent("id-1", NOW, QUERY, sha256(BODY))).isEqualTo(content);

        WebhookSignature github = WebhookSignature.github("sha256=" + HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8), content)),
                "id-1", Long.toString(NOW), digest(BODY), Instant.ofEpochSecond(NOW), TOLERANCE);
        assertThat(github.matches(SECRET, QUERY)).isTrue();
        assertThat(github.matches(SECRET, QUERY.replace("dev", "prod"))).isFalse();
        assertThat(github.matches(SECRET, QUERY + "&mode=full")).isFalse();
        assertThat(github.matches("whsec_another", QUERY)).isFalse();
        assertThat(github.coversBody(sha256(BODY))).isTrue();
        assertThat(github.coversBody(sha256("other".getBytes(StandardCharsets.UTF_8)))).isFalse();

        String standardMac = "v1," + Base64.getEncoder().encodeToString(hmac(Base64.getDecoder().decode(SECRET.substring(6)), content));
        WebhookSignature standard = WebhookSignature.standard(standardMac, "id-1", Long.toString(NOW), digest(BODY),
                Instant.ofEpochSecond(NOW), TOLERANCE);
        assertThat(standard.matches(SECRET, QUERY)).isTrue();
        assertThat(WebhookSignature.standard(standardMac, "id-2", Long.toString(NOW), digest(BODY), Instant.ofEpochSecond(NOW),
                TOLERANCE).matches(SECRET, QUERY)).isFalse();
        assertThat(WebhookSignature.standard(standardMac, "id-1", Long.toString(NOW + 1), digest(BODY), Instant.ofEpochSecond(NOW),
                TOLERANCE).matches(SECRET, QUERY)).isFalse();
        assertThat(WebhookSignature.standard(standardMac, "id-1", Long.toString(NOW), digest("other".getBytes(StandardCharsets.UTF_8)),
                Instant.ofEpochSecond(NOW), TOLERANCE).matches(SECRET, QUERY)).isFalse();
        // Several signatures may be sent during a rotation; any one may match.
        assertThat(WebhookSignature.standard("v1,AAAA " + standardMac + " v2,ignored", "id-1", Long.toString(NOW), digest(BODY),
                Instant.ofEpochSecond(NOW), TOLERANCE).matches(SECRET, QUERY)).isTrue();
    }

    @Test
    void timestampsOutsideTheToleranceAreRefusedInBothConventions() {
        Instant now = Instant.ofEpochSecond(NOW);
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", "id", Long.toString(NOW - 301), digest(BODY), now, TOLERANCE))
                .hasMessageContaining("webhook-timestamp is 301 s away");
        assertThatThrownBy(() -> WebhookSignature.github("sha256=" + "a".repeat(64), "id", Long.toString(NOW + 400), digest(BODY),
                now, TOLERANCE)).hasMessageContaining("Tollgate-Timestamp is 400 s away");
        WebhookSignature.standard("v1,AAAA", "id", Long.toString(NOW - 300), digest(BODY), now, TOLERANCE);
    }

    @Test
    void malformedHeadersSayWhatIsExpected() {
        Instant now = Instant.ofEpochSecond(NOW);
        String time = Long.toString(NOW);
        assertThatThrownBy(() -> WebhookSignature.github("sha1=abc", "d", time, digest(BODY), now, TOLERANCE)).hasMessageContaining("sha256=");
        assertThatThrownBy(() -> WebhookSignature.github("sha256=" + "a".repeat(64), null, time, digest(BODY), now, TOLERANCE))
                .hasMessageContaining("X-GitHub-Delivery");
        assertThatThrownBy(() -> WebhookSignature.github("sha256=" + "a".repeat(64), "d", null, digest(BODY), now, TOLERANCE))
                .hasMessageContaining("Tollgate-Timestamp");
        assertThatThrownBy(() -> WebhookSignature.github("sha256=" + "a".repeat(64), "d", time, null, now, TOLERANCE))
                .hasMessageContaining("body alone");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", null, time, digest(BODY), now, TOLERANCE))
                .hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", "id", "yesterday", digest(BODY), now, TOLERANCE))
                .hasMessageContaining("Unix seconds");
        assertThatThrownBy(() -> WebhookSignature.standard("v2,AAAA", "id", time, digest(BODY), now, TOLERANCE))
                .hasMessageContaining("v1,");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,!!!", "id", time, digest(BODY), now, TOLERANCE))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", "id", time, "sha-256=:AAAA:", now, TOLERANCE))
                .hasMessageContaining("32-byte SHA-256");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", "id", time, "md5=:AAAA:", now, TOLERANCE))
                .hasMessageContaining("sha-256=:");
        // Content-Digest may list other algorithms besides SHA-256.
        WebhookSignature.standard("v1,AAAA", "id", time, "sha-512=:AAAA:, " + digest(BODY), now, TOLERANCE);
    }

    private static String digest(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    private static byte[] sha256(byte[] body) {
        return WebhookSignature.sha256().digest(body);
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
