package io.tollgate.platform;

/**
 * The thing asked for does not exist, or the viewer may not know that it exists. The answer names only the kind of
 * thing ("Account not found"), never the key, so that it reads the same whether the thing is missing or hidden and
 * echoes nothing the caller may not see; the key is kept for the server's log. A lookup that reaches a thing through
 * another (an account through its team) throws the kind the caller asked for, not that of the one in between.
 */
public class NotFoundException extends RuntimeException {

    private final transient Object key;

    public NotFoundException(String kind, Object key) {
        super(kind + " not found");
        this.key = key;
    }

    /** What was looked up, for the log only. */
    public Object key() {
        return key;
    }
}
