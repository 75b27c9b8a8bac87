package io.tollgate.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Seals values as an instance configured with another session secret does, or as Tollgate did before sealed values
 * carried a key id, for the tests of rotation and of the upgrade.
 */
public final class EarlierKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EarlierKeys() {
    }

    /** A fresh secret as the documentation says to make one: 32 random bytes in base64. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The value an instance whose session secret is {@code secret} seals. */
    public static byte[] seal(String secret, byte[] plain, String context) {
        return new Sealing(KeyRing.of(Optional.of(secret), List.of())).seal(plain, context);
    }

    /** Whether an instance with only {@code secret}, and no previous ones, opens the value. */
    public static boolean opens(String secret, byte[] sealed, String context) {
        return new Sealing(KeyRing.of(Optional.of(secret), List.of())).open(sealed, context).isPresent();
    }

    /** The format before key ids, as the earlier code wrote it: nonce, ciphertext and tag under SHA-256 of the secret. */
    public static byte[] sealWithoutKeyId(String secret, byte[] plain, String context) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return sealWithoutKeyId(secret, plain, context, nonce);
    }

    static byte[] sealWithoutKeyId(String secret, byte[] plain, String context, byte[] nonce) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
