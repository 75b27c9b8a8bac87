package io.tollgate.ci.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The signature a webhook request carries, in one of two conventions, and its check against a signing secret:
 * <ul>
 *     <li>GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, keyed with the secret's
 *     text, and {@code X-GitHub-Delivery} as the delivery id;</li>
 *     <li>Standard Webhooks: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} (several may
 *     be given, separated by spaces), keyed with the base64 part of the {@code whsec_} secret, with
 *     {@code webhook-id} and {@code webhook-timestamp} (Unix seconds).</li>
 * </ul>
 * The body is fed to a {@link Mac} per candidate secret while it streams; digests are compared in constant time.
 */
public final class WebhookSignature {

    /** The prefix of Standard Webhooks secrets; Tollgate's signing secrets use it too. */
    public static final String SECRET_PREFIX = "whsec_";

    public enum Convention { GITHUB, STANDARD_WEBHOOKS }

    private final Convention convention;
    private final String deliveryId;
    private final String timestamp;
    private final List<byte[]> signatures;

    private WebhookSignature(Convention convention, String deliveryId, String timestamp, List<byte[]> signatures) {
        this.convention = convention;
        this.deliveryId = deliveryId;
        this.timestamp = timestamp;
        this.signatures = signatures;
    }

    /** Reads {@code X-Hub-Signature-256} and {@code X-GitHub-Delivery}. */
    public static WebhookSignature github(String signature, String delivery) {
        String value = signature.strip();
        if (!value.startsWith("sha256=") || !value.substring(7).matches("[0-9a-fA-F]{64}")) {
            throw refused("X-Hub-Signature-256 must be 'sha256=' followed by the 64 hex digits of the HMAC-SHA256 of the raw body");
        }
        if (delivery == null || delivery.isBlank()) {
            throw refused("X-GitHub-Delivery is required with X-Hub-Signature-256: it is the delivery id that makes retries safe");
        }
        return new WebhookSignature(Convention.GITHUB, delivery.strip(), null, List.of(HexFormat.of().parseHex(value.substring(7))));
    }

    /**
     * Reads the Standard Webhooks headers and refuses a timestamp further than {@code tolerance} from {@code now}:
     * a captured request cannot be replayed later.
     */
    public static WebhookSignature standard(String signature, String id, String timestamp, Instant now, Duration tolerance) {
        if (id == null || id.isBlank()) {
            throw refused("webhook-id is required with webhook-signature");
        }
        if (timestamp == null || !timestamp.strip().matches("\\d{1,12}")) {
            throw refused("webhook-timestamp must be the time of sending in Unix seconds");
        }
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp.strip()));
        if (skew > tolerance.toSeconds()) {
            throw refused("webhook-timestamp is " + skew + " s away from the server's clock; at most " + tolerance.toSeconds()
                    + " s is accepted. Sign each request when it is sent (and check the sender's clock)");
        }
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : signature.strip().split(" +")) {
            if (entry.startsWith("v1,")) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(3)));
                } catch (IllegalArgumentException e) {
                    throw refused("webhook-signature holds a v1 signature that is not base64");
                }
            }
        }
        if (signatures.isEmpty()) {
            throw refused("webhook-signature must hold 'v1,<base64 HMAC-SHA256 of id.timestamp.body>'");
        }
        return new WebhookSignature(Convention.STANDARD_WEBHOOKS, id.strip(), timestamp.strip(), List.copyOf(signatures));
    }

    public Convention convention() {
        return convention;
    }

    public String deliveryId() {
        return deliveryId;
    }

    /** A MAC keyed with the secret as this convention wants it, already fed with what precedes the body. */
    public Mac start(String secret) {
        try {
            byte[] key = convention == Convention.GITHUB ? secret.getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            if (convention == Convention.STANDARD_WEBHOOKS) {
                mac.update((deliveryId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            }
            return mac;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A signing secret is not usable as an HMAC key", e);
        }
    }

    /** Whether the finished MAC is one of the signatures sent, compared in constant time. */
    public boolean matches(Mac finished) {
        byte[] digest = finished.doFinal();
        boolean match = false;
        for (byte[] signature : signatures) {
            match |= MessageDigest.isEqual(signature, digest);
        }
        return match;
    }

    private static WebhookRefusedException refused(String detail) {
        return WebhookRefusedException.unauthenticated(detail);
    }
}
