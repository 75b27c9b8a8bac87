package io.tollgate.security;

import java.time.Duration;

/** A sign-in step refused without being checked, because its client address or account is throttled. */
public class SignInThrottledException extends SignInRefusedException {

    private final Duration retryAfter;

    public SignInThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before trying again; at least a second. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
    }
}
