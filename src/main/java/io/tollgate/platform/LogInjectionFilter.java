package io.tollgate.platform;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Escapes line breaks and other control characters in the values a log message is formatted with (request paths,
 * names, report fields), so that a value cannot end a plain-text log line and forge the next one. The message
 * templates themselves are Tollgate's and may span lines on purpose.
 */
@LoggingFilter(name = LogInjectionFilter.NAME)
public final class LogInjectionFilter implements Filter {

    /** The name {@code quarkus.log.console.filter} links the console handler to. */
    public static final String NAME = "escape-control-characters";

    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            Object[] escaped = parameters.clone();
            for (int i = 0; i < escaped.length; i++) {
                if (escaped[i] instanceof CharSequence text) {
                    escaped[i] = escape(text);
                }
            }
            record.setParameters(escaped);
        }
        return true;
    }

    /** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators as {@code \\uXXXX}. */
    static String escape(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (control) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text.toString() : out.toString();
    }
}
