package io.tollgate.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.support.Browser;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rotation of the session secret as the authenticator sees it: a TOTP secret sealed under the earlier secret (the
 * test profile's previous one) is moved to the current key by the re-seal job and still signs in.
 */
@QuarkusTest
class TotpSecretResealingTest {

    @Inject
    TestData data;

    @Inject
    TotpAuthenticator totp;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityConfig security;

    @Inject
    Sealing sealing;

    @Inject
    Resealing resealing;

    @Test
    void aTotpSecretSealedUnderTheEarlierKeyIsResealedUnderTheCurrentOne() throws SQLException {
        TestData.TestUser user = data.user();
        String earlier = security.previousSessionSecrets().orElseThrow().get(0);
        String context = "totp-secret|" + user.id();
        String old = "sealed:" + Base64.getEncoder().encodeToString(
                EarlierKeys.seal(earlier, user.totpSecret().getBytes(StandardCharsets.US_ASCII), context));
        store(user, old);
        assertThat(Arrays.copyOf(sealedBytes(user), Sealing.HEADER_BYTES)).as("under the earlier key")
                .isNotEqualTo(sealing.currentHeader());

        assertThat(resealing.run().resealed()).isPositive();

        String stored = column(user);
        assertThat(stored).startsWith("sealed:").isNotEqualTo(old).doesNotContain(user.totpSecret());
        byte[] sealed = sealedBytes(user);
        assertThat(Arrays.copyOf(sealed, Sealing.HEADER_BYTES)).isEqualTo(sealing.currentHeader());
        assertThat(EarlierKeys.opens(earlier, sealed, context)).isFalse();
        assertThat(sealing.open(sealed, context)).hasValueSatisfying(
                plain -> assertThat(new String(plain, StandardCharsets.US_ASCII)).isEqualTo(user.totpSecret()));
        Browser.signedIn(user, totp).json().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aTotpSecretThatNoKeyOpensOrThatIsNotSealedIsLeftAsItIs() throws SQLException {
        TestData.TestUser foreign = data.user();
        String unreadable = "sealed:" + Base64.getEncoder().encodeToString(EarlierKeys.seal(EarlierKeys.newSecret(),
                foreign.totpSecret().getBytes(StandardCharsets.US_ASCII), "totp-secret|" + foreign.id()));
        store(foreign, unreadable);
        TestData.TestUser plain = data.user();
        store(plain, plain.totpSecret());

        assertThat(resealing.run().unreadable()).isPositive();

        assertThat(column(foreign)).isEqualTo(unreadable);
        assertThat(column(plain)).isEqualTo(plain.totpSecret());
    }

    private byte[] sealedBytes(TestData.TestUser user) throws SQLException {
        return Base64.getDecoder().decode(column(user).substring("sealed:".length()));
    }

    private void store(TestData.TestUser user, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE local_credential SET totp_secret = ? WHERE person_id = ?")) {
            update.setString(1, value);
            update.setLong(2, user.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private String column(TestData.TestUser user) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT totp_secret FROM local_credential WHERE person_id = ?")) {
            select.setLong(1, user.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
