package io.tollgate.security;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Writes security events (sign-ins, sign-outs, refusals) as one structured line each under the log category
 * {@value #CATEGORY}, so that they can be routed and kept apart from the application log (ASVS 16.3). A line names
 * the event, its outcome, who (a person id, or a hash of the e-mail address typed), the client address and the path
 * of the request; never a password, code, token, cookie or secret. Every value is cleaned of line breaks and quotes,
 * so that no input forges a line.
 */
@ApplicationScoped
public class SecurityEvents {

    public static final String CATEGORY = "io.tollgate.security.events";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /** How an event ended. */
    public enum Outcome {
        SUCCESS, FAILURE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    CurrentVertxRequest current;

    /** A success, logged at INFO. */
    public void success(String event, String subject, String detail) {
        write(Outcome.SUCCESS, event, subject, detail);
    }

    /** A failure or refusal, logged at WARN. */
    public void failure(String event, String subject, String detail) {
        write(Outcome.FAILURE, event, subject, detail);
    }

    /** Names a known person. */
    public static String person(long personId) {
        return "person:" + personId;
    }

    /**
     * Names whoever typed an e-mail address by a short SHA-256 of it (trimmed, lower case): the same address gives
     * the same value, so that attempts can be followed, without the address being in the log.
     */
    public static String email(String email) {
        String normal = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return "email-sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private void write(Outcome outcome, String event, String subject, String detail) {
        RoutingContext routing = routing();
        String line = "event=" + clean(event) + " outcome=" + outcome.label()
                + " subject=" + clean(subject == null ? "anonymous" : subject)
                + " client=" + clean(client(routing))
                + " path=\"" + clean(routing == null ? "" : routing.normalizedPath()) + "\""
                + (detail == null ? "" : " detail=\"" + clean(detail) + "\"");
        LOG.log(outcome == Outcome.SUCCESS ? Logger.Level.INFO : Logger.Level.WARN, line);
    }

    private RoutingContext routing() {
        return Arc.container().requestContext().isActive() ? current.getCurrent() : null;
    }

    private static String client(RoutingContext routing) {
        SocketAddress address = routing == null ? null : routing.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    /** Control characters (CR and LF among them) become '_', quotes become '\'', and a value has at most 200 characters. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
        value.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append('_');
            } else if (c == '"') {
                out.append('\'');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
