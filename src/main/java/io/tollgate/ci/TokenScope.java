package io.tollgate.ci;

import java.util.Arrays;
import java.util.Optional;

/** What a CI token may do through the webhook. */
public enum TokenScope {
    /** Upload scan reports. */
    UPLOAD("scans:upload"),
    /** Ask the promotion gate. */
    GATE("gate:evaluate");

    /** The name clients send and see. */
    public final String id;

    TokenScope(String id) {
        this.id = id;
    }

    public static Optional<TokenScope> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
