package io.tollgate.platform;

/**
 * A service Tollgate relies on (AWS) refused the change or could not be reached; answered with 502. Tollgate itself
 * stays as it was, apart from what the service records about the failure.
 */
public class UpstreamRefusedException extends InvalidInputException {

    public UpstreamRefusedException(String field, String message) {
        super(field, message);
    }

    @Override
    public int httpStatus() {
        return 502;
    }
}
