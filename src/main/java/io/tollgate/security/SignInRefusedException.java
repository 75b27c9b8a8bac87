package io.tollgate.security;

/** A sign-in step failed; the message is safe to show (it never says whether an e-mail address exists). */
public class SignInRefusedException extends RuntimeException {

    public SignInRefusedException(String message) {
        super(message);
    }
}
