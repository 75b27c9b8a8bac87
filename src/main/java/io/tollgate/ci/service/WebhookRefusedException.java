package io.tollgate.ci.service;

/**
 * A webhook request refused before anything changed: which credential or header is wrong and what to do, never a
 * secret. {@code retryAfterSeconds} is set for 429 and 409 (a delivery still running).
 */
public class WebhookRefusedException extends RuntimeException {

    private final int status;
    private final String title;
    private final Long retryAfterSeconds;

    public WebhookRefusedException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public WebhookRefusedException(int status, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static WebhookRefusedException unauthenticated(String detail) {
        return new WebhookRefusedException(401, "Not authenticated", detail);
    }
}
