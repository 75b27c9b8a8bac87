package io.tollgate.security;

/** Where a half-finished sign-in stands; each stage has its page. */
public enum SignInStage {
    /** The password was a one-time password: choose a new one. */
    CHANGE_PASSWORD("/signin/password"),
    /** No authenticator yet: enrol one (MFA is never optional). */
    ENROLL("/signin/enroll"),
    /** Give the authenticator code or a recovery code. */
    VERIFY("/signin/verify");

    public final String page;

    SignInStage(String page) {
        this.page = page;
    }
}
