package io.tollgate.gate.aws;

/** AWS Organizations refused or could not be reached; the account has not moved. */
public class MoveRefusedException extends Exception {

    public MoveRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
