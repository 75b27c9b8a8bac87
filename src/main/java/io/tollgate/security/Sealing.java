package io.tollgate.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts and authenticates small values with AES-256-GCM under keys derived from
 * {@code TOLLGATE_SECURITY_SESSION_SECRET} (see {@link KeyRing}): the TOTP and CI signing secrets kept at rest. Each
 * use names its own context, which selects its own key (HKDF) and is bound as associated data, so that a value
 * sealed for one purpose never opens as another.
 * <p>
 * A sealed value is a format byte ({@value #FORMAT}), the key id, a random nonce, then the ciphertext and its tag.
 * Values sealed under a previous secret still open, and {@link Resealing} moves stored ones to the current key.
 * Values sealed before key ids existed (nonce, ciphertext and tag, under one SHA-256 of the secret) still open too.
 * Values that are only compared, never read back (recovery codes), are kept as an HMAC-SHA256 under a key of their
 * own, derived the same way; every key of the ring gives its hash, so that they survive a rotation too.
 * Created at start-up, so that a weak secret stops Tollgate from starting.
 */
@Startup
@ApplicationScoped
public class Sealing {

    private static final Logger LOG = Logger.getLogger(Sealing.class);
    /** The format of sealed values with a key id: AES-256-GCM under an HKDF-SHA256 key for the context. */
    static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The shortest value that may open: a nonce and a tag, in the format without key id. */
    static final int OVERHEAD = NONCE_BYTES + TAG_BITS / 8;
    /** What the current format puts in front of the nonce: the format byte and the key id. */
    static final int HEADER_BYTES = 1 + KeyRing.ID_BYTES;

    private final KeyRing keys;
    private final byte[] header;
    private final SecureRandom random = new SecureRandom();

    @Inject
    Sealing(SecurityConfig config) {
        this(KeyRing.of(config.sessionSecret(), config.previousSessionSecrets().orElse(List.of())));
        LOG.infof("Sealing with key %s; previous keys that still open: %s", keys.current().idHex(),
                keys.all().stream().skip(1).map(KeyRing.Key::idHex).toList());
    }

    Sealing(KeyRing keys) {
        this.keys = keys;
        this.header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).put(keys.current().id()).array();
    }

    /** The format byte and the current key id, followed by the nonce, the ciphertext and its tag. */
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current().forContext(context), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(HEADER_BYTES + nonce.length + sealed.length).put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a value", e);
        }
    }

    /**
     * The plain value, if it was sealed for this context under a key of the ring (current or previous, with or
     * without key id) and not altered.
     */
    public Optional<byte[]> open(byte[] sealed, String context) {
        if (sealed == null || sealed.length < OVERHEAD) {
            return Optional.empty();
        }
        byte[] aad = context.getBytes(StandardCharsets.UTF_8);
        if (sealed.length >= HEADER_BYTES + OVERHEAD && sealed[0] == FORMAT) {
            Optional<byte[]> opened = keys.withId(sealed, 1)
                    .flatMap(key -> decrypt(key.forContext(context), sealed, HEADER_BYTES, aad));
            if (opened.isPresent()) {
                return opened;
            }
        }
        // Without key id; a value with one that did not open is tried this way too, since a nonce may start like it.
        for (KeyRing.Key key : keys.all()) {
            Optional<byte[]> opened = decrypt(key.unversioned(), sealed, 0, aad);
            if (opened.isPresent()) {
                return opened;
            }
        }
        return Optional.empty();
    }

    /** A keyed hash (hex) of a value for the given context, under the current key: what is stored. */
    public String keyedHash(String value, String context) {
        return keyedHashes(value, context).get(0);
    }

    /** The keyed hashes of a value under every key of the ring, the current one first: what a stored hash may be. */
    public List<String> keyedHashes(String value, String context) {
        byte[] data = value.getBytes(StandardCharsets.UTF_8);
        return keys.all().stream().map(key -> HexFormat.of().formatHex(hmac(key.forContext("keyed hash " + context), data)))
                .toList();
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The format byte and key id that values sealed now begin with. */
    byte[] currentHeader() {
        return header.clone();
    }

    /** Opens the nonce, ciphertext and tag at {@code offset}; the bytes before it are the header, bound as associated data. */
    private static Optional<byte[]> decrypt(SecretKeySpec key, byte[] sealed, int offset, byte[] context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
            if (offset > 0) {
                cipher.updateAAD(sealed, 0, offset);
            }
            cipher.updateAAD(context);
            int body = offset + NONCE_BYTES;
            return Optional.of(cipher.doFinal(sealed, body, sealed.length - body));
        } catch (GeneralSecurityException e) {
            return Optional.empty(); // tampered, truncated or sealed under a key this ring does not hold
        }
    }
}
