package io.tollgate.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building portal links. */
public final class Links {

    private Links() {
    }

    /** A query-string value; empty for null. */
    public static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
