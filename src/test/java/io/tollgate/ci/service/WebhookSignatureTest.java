package io.tollgate.ci.service;

import io.tollgate.ci.Signing;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two signature conventions, checked against published vectors and against signatures made as senders do. */
class WebhookSignatureTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void githubsPublishedTestVectorVerifies() {
        WebhookSignature signature = WebhookSignature.github(
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "delivery-1");
        assertThat(verifies(signature, "It's a Secret to Everybody", "Hello, World!")).isTrue();
        assertThat(verifies(signature, "It's a Secret to Everybody", "Hello, World?")).isFalse();
        assertThat(verifies(signature, "another secret", "Hello, World!")).isFalse();
        assertThat(signature.deliveryId()).isEqualTo("delivery-1");
    }

    @Test
    void standardWebhooksPublishedVectorVerifies() {
        // The example of the Standard Webhooks specification and its reference libraries.
        String body = "{\"test\": 2432232314}";
        WebhookSignature signature = WebhookSignature.standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", Instant.ofEpochSecond(1614265330), TOLERANCE);
        assertThat(verifies(signature, SECRET, body)).isTrue();
        assertThat(verifies(signature, SECRET, body + " ")).isFalse();
    }

    @Test
    void anyOfSeveralStandardSignaturesMayMatch() {
        long now = 1_800_000_000L;
        byte[] body = "report".getBytes(StandardCharsets.UTF_8);
        String good = Signing.standard(SECRET, "id-1", now, body);
        WebhookSignature signature = WebhookSignature.standard("v1,AAAA " + good + " v2,ignored", "id-1",
                Long.toString(now), Instant.ofEpochSecond(now), TOLERANCE);
        assertThat(verifies(signature, SECRET, "report")).isTrue();
    }

    @Test
    void timestampsOutsideTheToleranceAreRefused() {
        long now = 1_800_000_000L;
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", "id", Long.toString(now - 301),
                Instant.ofEpochSecond(now), TOLERANCE)).hasMessageContaining("301 s away");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", "id", Long.toString(now + 400),
                Instant.ofEpochSecond(now), TOLERANCE)).hasMessageContaining("400 s away");
        WebhookSignature.standard("v1,AAAA", "id", Long.toString(now - 300), Instant.ofEpochSecond(now), TOLERANCE);
    }

    @Test
    void malformedHeadersSayWhatIsExpected() {
        assertThatThrownBy(() -> WebhookSignature.github("sha1=abc", "d")).hasMessageContaining("sha256=");
        assertThatThrownBy(() -> WebhookSignature.github("sha256=" + "a".repeat(64), null))
                .hasMessageContaining("X-GitHub-Delivery");
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", null, "1800000000", now, TOLERANCE))
                .hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,AAAA", "id", "yesterday", now, TOLERANCE))
                .hasMessageContaining("Unix seconds");
        assertThatThrownBy(() -> WebhookSignature.standard("v2,AAAA", "id", "1800000000", now, TOLERANCE))
                .hasMessageContaining("v1,");
        assertThatThrownBy(() -> WebhookSignature.standard("v1,!!!", "id", "1800000000", now, TOLERANCE))
                .hasMessageContaining("base64");
    }

    private static boolean verifies(WebhookSignature signature, String secret, String body) {
        Mac mac = signature.start(secret);
        mac.update(body.getBytes(StandardCharsets.UTF_8));
        return signature.matches(mac);
    }
}
