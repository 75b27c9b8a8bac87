package io.tollgate.security;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key ring behind {@link Sealing}: keys per context, key ids, rotation, the format before key ids, weak secrets. */
class SealingTest {

    private static final byte[] PLAIN = "whsec_a signing secret".getBytes(StandardCharsets.UTF_8);
    private static final String CI_CONTEXT = "ci-signing-secret:42";

    private final String earlier = EarlierKeys.newSecret();
    private final String current = EarlierKeys.newSecret();

    @Test
    void hkdfGivesTheOutputOfRfc5869TestCase1() {
        HexFormat hex = HexFormat.of();
        byte[] prk = Hkdf.extract(hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("0b".repeat(22)));
        assertThat(hex.formatHex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(hex.formatHex(Hkdf.expand(prk, hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void eachPurposeHasItsOwnKey() {
        KeyRing.Key key = ring(current).current();
        List<byte[]> keys = List.of(key.forContext("tollgate_session").getEncoded(), key.forContext(CI_CONTEXT).getEncoded(),
                key.forContext("ci-signing-secret:43").getEncoded(), key.forContext("totp-secret:42").getEncoded(),
                key.unversioned().getEncoded());
        assertThat(keys).allSatisfy(k -> assertThat(k).hasSize(32));
        assertThat(keys.stream().map(HexFormat.of()::formatHex).distinct()).hasSize(keys.size());
        assertThat(key.forContext(CI_CONTEXT).getEncoded()).isEqualTo(ring(current).current().forContext(CI_CONTEXT).getEncoded());

        Sealing sealing = new Sealing(ring(current));
        byte[] sealed = sealing.seal(PLAIN, CI_CONTEXT);
        assertThat(sealing.open(sealed, CI_CONTEXT)).hasValue(PLAIN);
        assertThat(sealing.open(sealed, "totp-secret:42")).isEmpty();
        assertThat(sealing.open(sealed, "ci-signing-secret:43")).isEmpty();
    }

    @Test
    void aSealedValueStartsWithTheFormatAndTheKeyIdOfTheCurrentSecret() {
        KeyRing ring = ring(current, earlier);
        byte[] sealed = new Sealing(ring).seal(PLAIN, CI_CONTEXT);
        assertThat(sealed[0]).isEqualTo(Sealing.FORMAT);
        assertThat(ring.current().hasId(sealed, 1)).isTrue();
        assertThat(ring.all().get(1).hasId(sealed, 1)).isFalse();
        assertThat(new Sealing(ring).currentHeader()).containsExactly(java.util.Arrays.copyOf(sealed, Sealing.HEADER_BYTES));
        assertThat(sealed).hasSize(Sealing.HEADER_BYTES + Sealing.OVERHEAD + PLAIN.length);
    }

    @Test
    void aValueSealedUnderAPreviousSecretOpensAfterTheRotationAndNotOnceTheSecretIsDropped() {
        byte[] before = new Sealing(ring(earlier)).seal(PLAIN, CI_CONTEXT);
        Sealing rotated = new Sealing(ring(current, earlier));
        assertThat(rotated.open(before, CI_CONTEXT)).hasValue(PLAIN);
        byte[] after = rotated.seal(PLAIN, CI_CONTEXT);
        assertThat(new Sealing(ring(current)).open(after, CI_CONTEXT)).hasValue(PLAIN);
        assertThat(new Sealing(ring(earlier)).open(after, CI_CONTEXT)).isEmpty();
        assertThat(new Sealing(ring(current)).open(before, CI_CONTEXT)).isEmpty();
    }

    @Test
    void valuesSealedBeforeKeyIdsExistedStillOpen() {
        byte[] old = EarlierKeys.sealWithoutKeyId(earlier, PLAIN, CI_CONTEXT);
        assertThat(new Sealing(ring(earlier)).open(old, CI_CONTEXT)).hasValue(PLAIN);
        assertThat(new Sealing(ring(current, earlier)).open(old, CI_CONTEXT)).hasValue(PLAIN);
        assertThat(new Sealing(ring(current)).open(old, CI_CONTEXT)).isEmpty();
        assertThat(new Sealing(ring(earlier)).open(old, "tollgate_session")).isEmpty();
        // A value in the old format whose nonce happens to begin like a key id still opens.
        byte[] nonce = java.util.Arrays.copyOf(new Sealing(ring(earlier)).currentHeader(), 12);
        byte[] lookalike = EarlierKeys.sealWithoutKeyId(earlier, PLAIN, CI_CONTEXT, nonce);
        assertThat(new Sealing(ring(earlier)).open(lookalike, CI_CONTEXT)).hasValue(PLAIN);
    }

    @Test
    void aTamperedKeyIdOrValueIsRefused() {
        Sealing sealing = new Sealing(ring(current, earlier));
        byte[] sealed = sealing.seal(PLAIN, CI_CONTEXT);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThat(sealing.open(tampered, CI_CONTEXT)).as("byte %d changed", i).isEmpty();
        }
        byte[] otherKeyId = sealed.clone();
        System.arraycopy(ring(earlier).current().id(), 0, otherKeyId, 1, KeyRing.ID_BYTES);
        assertThat(sealing.open(otherKeyId, CI_CONTEXT)).isEmpty();
        byte[] withoutHeader = java.util.Arrays.copyOfRange(sealed, Sealing.HEADER_BYTES, sealed.length);
        assertThat(sealing.open(withoutHeader, CI_CONTEXT)).isEmpty();
        assertThat(sealing.open(java.util.Arrays.copyOf(sealed, sealed.length - 1), CI_CONTEXT)).isEmpty();
        assertThat(sealing.open(new byte[0], CI_CONTEXT)).isEmpty();
        assertThat(sealing.open(null, CI_CONTEXT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "change me",
            "a long passphrase of more than thirty-two characters",
            "c2hvcnQ=",
            "00000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "passwordpasswordpasswordpasswordpassword",
    })
    void aWeakSessionSecretStopsTheStart(String weak) {
        assertThatThrownBy(() -> KeyRing.of(Optional.of(weak), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tollgate.security.session-secret (TOLLGATE_SECURITY_SESSION_SECRET) is too weak")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(weak);
    }

    @Test
    void aSecretOf31RandomBytesIsTooShortAnd32AreEnoughInEveryEncoding() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        assertThat(KeyRing.weakness(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(random, 31))))
                .hasValue("it decodes to 31 bytes");
        assertThat(KeyRing.weakness(Base64.getEncoder().encodeToString(random))).isEmpty();
        assertThat(KeyRing.weakness(Base64.getEncoder().withoutPadding().encodeToString(random))).isEmpty();
        assertThat(KeyRing.weakness(Base64.getUrlEncoder().withoutPadding().encodeToString(random))).isEmpty();
        assertThat(KeyRing.weakness(HexFormat.of().formatHex(random))).isEmpty();
        assertThat(KeyRing.weakness(HexFormat.of().withUpperCase().formatHex(random))).isEmpty();
        assertThat(KeyRing.weakness(Base64.getEncoder().encodeToString(random) + "\n")).isPresent();
    }

    @Test
    void previousSecretsNeedTheCurrentOneAndAreGivenOnce() {
        assertThatThrownBy(() -> KeyRing.of(Optional.empty(), List.of(earlier)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tollgate.security.previous-session-secrets is set but tollgate.security.session-secret");
        assertThatThrownBy(() -> KeyRing.of(Optional.of(current), List.of(earlier, current)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tollgate.security.previous-session-secrets: entry 2 has the key id of");
        assertThatThrownBy(() -> KeyRing.of(Optional.of(current), List.of(" ")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("entry 1 is empty");
    }

    @Test
    void aWeakPreviousSecretStillOpensWhatItSealedSoThatAnUpgradeKeepsItsData() {
        String weakBefore = "a passphrase that the earlier documentation allowed";
        byte[] old = EarlierKeys.sealWithoutKeyId(weakBefore, PLAIN, CI_CONTEXT);
        assertThat(new Sealing(KeyRing.of(Optional.of(current), List.of(weakBefore))).open(old, CI_CONTEXT)).hasValue(PLAIN);
    }

    @Test
    void withoutASecretEachProcessHasARandomKey() {
        Sealing one = new Sealing(KeyRing.of(Optional.empty(), List.of()));
        Sealing other = new Sealing(KeyRing.of(Optional.empty(), List.of()));
        byte[] sealed = one.seal(PLAIN, CI_CONTEXT);
        assertThat(one.open(sealed, CI_CONTEXT)).hasValue(PLAIN);
        assertThat(other.open(sealed, CI_CONTEXT)).isEmpty();
    }

    private static KeyRing ring(String secret, String... previous) {
        return KeyRing.of(Optional.of(secret), List.of(previous));
    }
}
