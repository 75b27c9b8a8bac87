package io.tollgate.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reading the untyped results of native SQL queries. */
public final class SqlValues {

    private SqlValues() {
    }

    /** The rows of a native query that selects several columns. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    /** A TIMESTAMPTZ column, whichever Java type the driver and Hibernate hand it over as. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
