package io.tollgate.platform;

/** The thing asked for does not exist, or the viewer may not know that it exists. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " '" + key + "' was not found");
    }
}
