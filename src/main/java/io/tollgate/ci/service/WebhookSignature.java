package io.tollgate.ci.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The signature a webhook request carries and its check against a signing secret. Both conventions sign the same
 * content, {@code <delivery id>.<timestamp>.<raw query string>.<base64 SHA-256 of the body>}, so that a captured
 * request cannot be sent again under another delivery id, later, to another team, environment, component, mode or
 * gate, or with another body; the body's SHA-256 travels in {@code Content-Digest: sha-256=:<base64>:} (RFC 9530),
 * which lets the signature be checked before the body is read. The conventions differ in headers, key and encoding:
 * <ul>
 *     <li>GitHub: {@code X-Hub-Signature-256: sha256=<hex>}, {@code X-GitHub-Delivery} (the delivery id) and
 *     {@code Tollgate-Timestamp} (Unix seconds), keyed with the secret's text;</li>
 *     <li>Standard Webhooks: {@code webhook-signature: v1,<base64>} (several may be given, separated by spaces),
 *     {@code webhook-id} and {@code webhook-timestamp}, keyed with the base64 part of the {@code whsec_} secret: the
 *     standard's {@code id.timestamp.payload} with the query and the digest as the payload.</li>
 * </ul>
 * Signatures of the body alone (the conventions' original form) are refused with a message saying how to upgrade.
 */
public final class WebhookSignature {

    /** The prefix of Standard Webhooks secrets; Tollgate's signing secrets use it too. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final String BODY_ONLY = "Tollgate no longer accepts a signature of the body alone, which a captured"
            + " request could carry to another component, environment, mode or gate. Send 'Content-Digest: sha-256=:<base64"
            + " SHA-256 of the body>:' and sign '<delivery id>.<timestamp>.<query string as sent>.<that base64 digest>'"
            + " (docs/ci/README.md, 'Signing'; the current tollgate-upload.sh does this)";

    public enum Convention { GITHUB, STANDARD_WEBHOOKS }

    private final Convention convention;
    private final String deliveryId;
    private final long timestamp;
    private final byte[] bodyDigest;
    private final List<byte[]> signatures;

    private WebhookSignature(Convention convention, String deliveryId, long timestamp, byte[] bodyDigest,
                             List<byte[]> signatures) {
        this.convention = convention;
        this.deliveryId = deliveryId;
        this.timestamp = timestamp;
        this.bodyDigest = bodyDigest;
        this.signatures = signatures;
    }

    /** Reads {@code X-Hub-Signature-256}, {@code X-GitHub-Delivery}, {@code Tollgate-Timestamp} and {@code Content-Digest}. */
    public static WebhookSignature github(String signature, String delivery, String timestamp, String contentDigest,
                                          Instant now, Duration tolerance) {
        String value = signature.strip();
        if (!value.startsWith("sha256=") || !value.substring(7).matches("[0-9a-fA-F]{64}")) {
            throw refused("X-Hub-Signature-256 must be 'sha256=' followed by the 64 hex digits of the HMAC-SHA256 of the signed content");
        }
        if (delivery == null || delivery.isBlank()) {
            throw refused("X-GitHub-Delivery is required with X-Hub-Signature-256: it is the delivery id that makes retries safe");
        }
        byte[] digest = bodyDigest(contentDigest);
        long time = timestamp("Tollgate-Timestamp", timestamp, now, tolerance);
        return new WebhookSignature(Convention.GITHUB, delivery.strip(), time, digest,
                List.of(HexFormat.of().parseHex(value.substring(7))));
    }

    /** Reads {@code webhook-signature}, {@code webhook-id}, {@code webhook-timestamp} and {@code Content-Digest}. */
    public static WebhookSignature standard(String signature, String id, String timestamp, String contentDigest,
                                            Instant now, Duration tolerance) {
        if (id == null || id.isBlank()) {
            throw refused("webhook-id is required with webhook-signature");
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
            throw refused("webhook-signature must hold 'v1,<base64 HMAC-SHA256 of the signed content>'");
        }
        byte[] digest = bodyDigest(contentDigest);
        long time = timestamp("webhook-timestamp", timestamp, now, tolerance);
        return new WebhookSignature(Convention.STANDARD_WEBHOOKS, id.strip(), time, digest, List.copyOf(signatures));
    }

    /** What both conventions sign: {@code <delivery id>.<timestamp>.<raw query>.<base64 SHA-256 of the body>}. */
    public static String signedContent(String deliveryId, long timestamp, String rawQuery, byte[] bodyDigest) {
        return deliveryId + "." + timestamp + "." + (rawQuery == null ? "" : rawQuery) + "."
                + Base64.getEncoder().encodeToString(bodyDigest);
    }

    public Convention convention() {
        return convention;
    }

    public String deliveryId() {
        return deliveryId;
    }

    /** Whether one of the signatures sent is the secret's signature of this request, compared in constant time. */
    public boolean matches(String secret, String rawQuery) {
        byte[] expected = mac(convention, secret, signedContent(deliveryId, timestamp, rawQuery, bodyDigest)
                .getBytes(StandardCharsets.UTF_8));
        boolean match = false;
        for (byte[] signature : signatures) {
            match |= MessageDigest.isEqual(signature, expected);
        }
        return match;
    }

    /** Whether the body received is the one whose digest was signed. */
    public boolean coversBody(byte[] digest) {
        return MessageDigest.isEqual(bodyDigest, digest);
    }

    /** The HMAC-SHA256 of {@code content}, keyed with the secret as the convention wants it. */
    static byte[] mac(Convention convention, String secret, byte[] content) {
        try {
            byte[] key = convention == Convention.GITHUB ? secret.getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A signing secret is not usable as an HMAC key", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 named in a {@code Content-Digest} header, which may list other algorithms too. */
    private static byte[] bodyDigest(String header) {
        if (header == null || header.isBlank()) {
            throw refused(BODY_ONLY);
        }
        for (String entry : header.split(",")) {
            String item = entry.strip();
            if (item.startsWith("sha-256=:") && item.endsWith(":") && item.length() > 10) {
                try {
                    byte[] digest = Base64.getDecoder().decode(item.substring(9, item.length() - 1));
                    if (digest.length == 32) {
                        return digest;
                    }
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw refused("Content-Digest must hold 'sha-256=:<base64 of the 32-byte SHA-256 of the body>:'");
    }

    private static long timestamp(String header, String value, Instant now, Duration tolerance) {
        if (value == null || !value.strip().matches("\\d{1,12}")) {
            throw refused(header + " must be the time of sending in Unix seconds");
        }
        long time = Long.parseLong(value.strip());
        long skew = Math.abs(now.getEpochSecond() - time);
        if (skew > tolerance.toSeconds()) {
            throw refused(header + " is " + skew + " s away from the server's clock; at most " + tolerance.toSeconds()
                    + " s is accepted. Sign each request when it is sent (and check the sender's clock)");
        }
        return time;
    }

    private static WebhookRefusedException refused(String detail) {
        return WebhookRefusedException.unauthenticated(detail);
    }
}
