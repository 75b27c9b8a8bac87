package io.tollgate.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** ASVS 6.5.5: a code lives for its own 30-second step and the one after it, and is never accepted early. */
class TotpAuthenticatorTest {

    private final TotpAuthenticator totp = new TotpAuthenticator();
    private final String secret = totp.newSecret();
    private final Instant now = Instant.ofEpochSecond(1_800_000_015L);
    private final long step = now.getEpochSecond() / TotpAuthenticator.PERIOD_SECONDS;

    @Test
    void theCurrentAndThePreviousStepAreAccepted() {
        assertThat(totp.acceptedStep(secret, totp.codeAt(secret, step), 0, now)).hasValue(step);
        assertThat(totp.acceptedStep(secret, totp.codeAt(secret, step - 1), 0, now)).hasValue(step - 1);
    }

    @Test
    void aCodeOfTheNextStepOrOfTwoStepsAgoIsRefused() {
        assertThat(totp.acceptedStep(secret, totp.codeAt(secret, step + 1), 0, now)).isEmpty();
        assertThat(totp.acceptedStep(secret, totp.codeAt(secret, step - 2), 0, now)).isEmpty();
    }

    @Test
    void aCodeIsAcceptedOnlyAfterTheLastUsedStep() {
        assertThat(totp.acceptedStep(secret, totp.codeAt(secret, step - 1), step - 1, now)).isEmpty();
        assertThat(totp.acceptedStep(secret, totp.codeAt(secret, step), step - 1, now)).hasValue(step);
    }
}
