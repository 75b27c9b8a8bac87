package io.tollgate.ci.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tollgate.ci.CiConfig;
import io.tollgate.ci.CiToken;
import io.tollgate.ci.Delivery;
import io.tollgate.ci.SigningSecret;
import io.tollgate.ci.TokenScope;
import io.tollgate.findings.importing.ImportService;
import io.tollgate.findings.importing.ImportService.ImportRequest;
import io.tollgate.findings.importing.ImportService.ImportSummary;
import io.tollgate.findings.importing.ReportRefusedException;
import io.tollgate.gate.service.Decision;
import io.tollgate.gate.service.EvaluationRequest;
import io.tollgate.gate.service.GateService;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The CI webhook, in two steps. {@link #admit} runs before the body is read: it refuses a client address with too
 * many failed authentications, authenticates the request by bearer token or by a signature of its metadata and its
 * body's digest, holds the credential to its rate and checks what can be checked without the body. {@link #deliver}
 * then stores the body within the spool limits, checks it against the signed digest, imports the report and asks
 * the gate for the credential's team, and keeps the response under the delivery id so that a retry gets it again
 * instead of importing twice. Only authenticated requests spend a team's rate or write a body to disk.
 * <p>
 * A delivery id is taken once per team: a retry of a finished delivery gets its stored response (200, marked
 * replayed), a retry while the first attempt still runs gets 409 with Retry-After, a retry of a failed delivery runs
 * again.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    private static final String DELIVERY_ID = "[A-Za-z0-9._:\\-]{1,96}";
    /** The same answer whether the team exists, has secrets, or the signature is wrong. */
    private static final String NO_MATCH = "The signature matches no valid signing secret of the team named in team=."
            + " Sign '<delivery id>.<timestamp>.<query string as sent>.<base64 SHA-256 of the body>' with a current"
            + " signing secret of that team (docs/ci/README.md, 'Signing'); a rotated secret stays valid only until the"
            + " end of its overlap";

    /** What the pipeline reads: the import summary, the gate decision when asked, and whether both went well. */
    public record WebhookResult(String deliveryId, String team, ImportSummary scan, Decision gate, boolean passed) {
    }

    /** The response to send: the JSON body and whether it is the stored answer to an earlier attempt. */
    public record Answer(int status, String body, boolean replayed) {
    }

    /** A request that passed {@link #admit}: its metadata and who sent it; its body is still unread. */
    public static final class Admission {
        private final WebhookCall call;
        private final Caller caller;

        private Admission(WebhookCall call, Caller caller) {
            this.call = call;
            this.caller = caller;
        }
    }

    /** Who sent the request, once authenticated. */
    private record Caller(Team team, String rateKey, String label, CiToken token, SigningSecret signer,
                          WebhookSignature signature, String deliveryId) {
    }

    private final CredentialService credentials;
    private final RateLimiter rates;
    private final FailureLimiter failures;
    private final SpoolBudget spool;
    private final ImportService imports;
    private final GateService gate;
    private final InputValidator validator;
    private final ObjectMapper json;
    private final CiConfig config;
    private final Clock clock;

    WebhookService(CredentialService credentials, RateLimiter rates, FailureLimiter failures, SpoolBudget spool,
                   ImportService imports, GateService gate, InputValidator validator, ObjectMapper json, CiConfig config,
                   Clock clock) {
        this.credentials = credentials;
        this.rates = rates;
        this.failures = failures;
        this.spool = spool;
        this.imports = imports;
        this.gate = gate;
        this.validator = validator;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Everything that can be checked before the body is read, in this order: the client address's failed
     * authentications (429), the credential (401, counted against the address), the credential's rate (429), the
     * declared length (413), the delivery id and the gate environment (400).
     */
    public Admission admit(WebhookCall call) {
        OptionalLong blocked = failures.blocked(call.clientAddress());
        if (blocked.isPresent()) {
            throw new WebhookRefusedException(429, "Too many requests", "Too many failed authentications from this"
                    + " address; retry after " + blocked.getAsLong() + " s", blocked.getAsLong());
        }
        Caller caller;
        try {
            caller = QuarkusTransaction.requiringNew().call(() -> authenticate(call));
        } catch (WebhookRefusedException e) {
            if (e.status() == 401) {
                failures.failed(call.clientAddress());
            }
            throw e;
        }
        OptionalLong wait = rates.acquire(caller.rateKey());
        if (wait.isPresent()) {
            throw new WebhookRefusedException(429, "Too many requests", "This credential may send "
                    + config.requestsPerMinute() + " requests a minute; retry after " + wait.getAsLong() + " s",
                    wait.getAsLong());
        }
        if (call.contentLength() != null && call.contentLength() > config.maxBodyBytes()) {
            throw new WebhookRefusedException(413, "Request too large", "The body is larger than the webhook's limit of "
                    + config.maxBodyBytes() + " bytes; compress the report with gzip");
        }
        checkGateRequest(call, caller.deliveryId());
        return new Admission(call, caller);
    }

    /** Stores the body of an admitted request, checks it against the signed digest, imports it and asks the gate. */
    public Answer deliver(Admission admission, InputStream body) {
        WebhookCall call = admission.call;
        Caller caller = admission.caller;
        Path directory = config.spoolDirectory().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
        try (SpoolBudget.Claim claim = spool.claim(call.contentLength() == null ? 0 : call.contentLength());
             SpooledBody spooled = SpooledBody.spool(body, directory, config.maxBodyBytes(), claim)) {
            if (caller.signature() != null && !caller.signature().coversBody(spooled.digest())) {
                failures.failed(call.clientAddress());
                throw WebhookRefusedException.unauthenticated("The body does not match its signed Content-Digest; sign"
                        + " the SHA-256 of the body exactly as sent");
            }
            if (spooled.size() == 0 && blank(call.gate())) {
                throw new InvalidInputException("body", "send a report in the body, ask the gate with gate=<environment>, or both");
            }
            if (spooled.size() > 0 && caller.token() != null && !caller.token().scopeUpload) {
                throw missingScope(TokenScope.UPLOAD);
            }
            QuarkusTransaction.requiringNew().run(() -> markUsed(caller.token(), caller.signer()));
            Delivery reserved = reserve(caller, call);
            if (reserved.state == Delivery.State.DONE) {
                return new Answer(reserved.status, reserved.response, true);
            }
            return run(caller, call, reserved.id, spooled);
        }
    }

    private Caller authenticate(WebhookCall call) {
        if (blank(call.upload().team())) {
            throw new InvalidInputException("team", "is required: the slug of the team the credential belongs to");
        }
        String slug = call.upload().team().strip();
        String bearer = bearer(call.authorization());
        Instant now = Instant.now(clock);
        if (bearer != null) {
            CiToken token = credentials.tokenByValue(bearer).filter(t -> t.team.slug.equals(slug))
                    .orElseThrow(() -> WebhookRefusedException.unauthenticated("The bearer token is not a token of team '"
                            + slug + "'; copy it again from the team's CI page or create a new one"));
            if (token.revokedAt != null) {
                throw WebhookRefusedException.unauthenticated("The bearer token '" + token.name + "' was revoked; create a new one");
            }
            if (!token.usableAt(now)) {
                throw WebhookRefusedException.unauthenticated("The bearer token '" + token.name + "' expired at "
                        + token.expiresAt + "; create a new one");
            }
            if (call.contentLength() != null && call.contentLength() > 0 && !token.scopeUpload) {
                throw missingScope(TokenScope.UPLOAD);
            }
            if (!blank(call.gate()) && !token.scopeGate) {
                throw missingScope(TokenScope.GATE);
            }
            String deliveryId = firstGiven(call.idempotencyKey(), call.githubDelivery(), call.webhookId());
            return new Caller(token.team, "token:" + token.id, "ci token '" + token.name + "' of " + slug, token, null,
                    null, deliveryId == null ? UUID.randomUUID().toString() : deliveryId);
        }
        WebhookSignature signature;
        if (!blank(call.webhookSignature())) {
            signature = WebhookSignature.standard(call.webhookSignature(), call.webhookId(), call.webhookTimestamp(),
                    call.contentDigest(), now, config.timestampTolerance());
        } else if (!blank(call.hubSignature())) {
            signature = WebhookSignature.github(call.hubSignature(), call.githubDelivery(), call.tollgateTimestamp(),
                    call.contentDigest(), now, config.timestampTolerance());
        } else {
            throw WebhookRefusedException.unauthenticated("Send 'Authorization: Bearer <token>', or sign the request with "
                    + "a signing secret of the team (X-Hub-Signature-256 with X-GitHub-Delivery and Tollgate-Timestamp, or "
                    + "webhook-id, webhook-timestamp and webhook-signature; either with Content-Digest)");
        }
        SigningSecret signer = null;
        for (SigningSecret secret : SigningSecret.usable(slug, now)) {
            // A secret sealed under a session secret that is no longer configured, even as a previous one, cannot be read:
            // it cannot match, the others still can.
            Optional<String> value = credentials.unseal(secret);
            if (value.isEmpty()) {
                LOG.warnf("Signing secret %d of team %s cannot be unsealed: it was sealed under a session secret that is"
                        + " no longer configured, even as a previous one; revoke it and create a new one", secret.id, slug);
            } else if (signature.matches(value.get(), call.rawQuery()) && signer == null) {
                signer = secret;
            }
        }
        if (signer == null) {
            throw WebhookRefusedException.unauthenticated(NO_MATCH);
        }
        return new Caller(signer.team, "secrets:" + signer.team.id, "ci signing secret of " + slug, null, signer,
                signature, signature.deliveryId());
    }

    private void checkGateRequest(WebhookCall call, String deliveryId) {
        if (!deliveryId.matches(DELIVERY_ID)) {
            throw new InvalidInputException("deliveryId", "the delivery id (Idempotency-Key, X-GitHub-Delivery or webhook-id)"
                    + " must be 1 to 96 letters, digits or . _ : -");
        }
        if (!blank(call.gate())) {
            validator.check(new EvaluationRequest(call.upload().team(), call.gate(), null, blankToNull(call.upload().commit()),
                    key(deliveryId), null));
            if (QuarkusTransaction.requiringNew().call(() -> Environment.findByKey(call.gate().strip()).isEmpty())) {
                throw new InvalidInputException("gate", "no environment '" + call.gate().strip() + "'");
            }
        }
    }

    private void markUsed(CiToken token, SigningSecret signer) {
        Instant now = Instant.now(clock);
        if (token != null) {
            CiToken.update("lastUsedAt = ?1 where id = ?2", now, token.id);
        }
        if (signer != null) {
            SigningSecret.update("lastUsedAt = ?1 where id = ?2", now, signer.id);
        }
    }

    /** Takes the delivery id for this attempt, or finds the stored answer; concurrent attempts get 409. */
    private Delivery reserve(Caller caller, WebhookCall call) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> claim(caller, call));
        } catch (PersistenceException e) {
            // Another attempt inserted the same delivery id between our read and our insert.
            return QuarkusTransaction.requiringNew().call(() -> claim(caller, call));
        }
    }

    private Delivery claim(Caller caller, WebhookCall call) {
        Delivery delivery = Delivery.find(caller.team(), caller.deliveryId()).orElse(null);
        if (delivery != null && delivery.state == Delivery.State.DONE) {
            return delivery;
        }
        if (delivery != null && delivery.state == Delivery.State.RUNNING) {
            throw new WebhookRefusedException(409, "Delivery in progress", "Delivery '" + caller.deliveryId()
                    + "' is still being processed; retry in a few seconds to get its response", 5L);
        }
        if (delivery != null && Delivery.update("state = ?1 where id = ?2 and state = ?3", Delivery.State.RUNNING,
                delivery.id, Delivery.State.FAILED) == 0) {
            throw new WebhookRefusedException(409, "Delivery in progress", "Delivery '" + caller.deliveryId()
                    + "' is being retried by another request; retry in a few seconds", 5L);
        }
        if (delivery == null) {
            delivery = new Delivery();
            delivery.team = caller.team();
            delivery.deliveryId = caller.deliveryId();
        }
        delivery.credential = caller.label();
        delivery.state = Delivery.State.RUNNING;
        delivery.receivedAt = Instant.now(clock);
        delivery.finishedAt = null;
        delivery.environment = trim(call.upload().environment(), 100);
        delivery.component = trim(call.upload().component(), 500);
        delivery.commit = trim(call.upload().commit(), 64);
        delivery.gateEnvironment = trim(call.gate(), 100);
        delivery.status = null;
        delivery.error = null;
        delivery.persistAndFlush();
        return delivery;
    }

    private Answer run(Caller caller, WebhookCall call, long deliveryId, SpooledBody spooled) {
        Viewer pipeline = Viewer.pipeline(caller.label());
        try {
            ImportSummary scan = null;
            if (spooled.size() > 0) {
                ImportRequest request = call.upload().toImportRequest();
                try (InputStream report = spooled.open()) {
                    scan = imports.importReport(pipeline, request, report);
                }
            }
            Decision decision = blank(call.gate()) ? null : gate.evaluate(pipeline, new EvaluationRequest(caller.team().slug,
                    call.gate().strip(), null, blankToNull(call.upload().commit()), key(caller.deliveryId()), null)).decision();
            WebhookResult result = new WebhookResult(caller.deliveryId(), caller.team().slug, scan, decision,
                    decision == null || decision.passes());
            String body = json.writeValueAsString(result);
            Long scanId = scan == null ? null : scan.scanId();
            QuarkusTransaction.requiringNew().run(() -> finish(deliveryId, Delivery.State.DONE, 200, body, result.passed(),
                    scanId, decision == null ? null : decision.verdict().name(), null));
            return new Answer(200, body, false);
        } catch (RuntimeException | IOException e) {
            int status = statusOf(e);
            if (status >= 500) {
                LOG.errorf(e, "Webhook delivery %s of team %s failed", caller.deliveryId(), caller.team().slug);
            }
            String error = status >= 500 ? "internal error" : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> finish(deliveryId, Delivery.State.FAILED, status, null, false,
                    e instanceof ReportRefusedException refused ? refused.scanId() : null, null, error));
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void finish(long id, Delivery.State state, int status, String body, boolean passed, Long scanId,
                        String verdict, String error) {
        Delivery delivery = Delivery.findById(id);
        delivery.state = state;
        delivery.status = status;
        delivery.response = body;
        delivery.passed = passed;
        delivery.scanId = scanId;
        delivery.verdict = verdict;
        delivery.error = trim(error, 2000);
        delivery.finishedAt = Instant.now(clock);
    }

    private static int statusOf(Throwable e) {
        if (e instanceof ReportRefusedException refused) {
            return refused.status();
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.httpStatus();
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        return e instanceof WebhookRefusedException refused ? refused.status() : 500;
    }

    private static WebhookRefusedException missingScope(TokenScope scope) {
        return new WebhookRefusedException(403, "Forbidden", "This token lacks the scope " + scope.id
                + "; create a token with it on the team's CI page");
    }

    /** The gate's idempotency key for a delivery: asking again answers with the same decision. */
    private static String key(String deliveryId) {
        return "ci:" + deliveryId;
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    private static String firstGiven(String... values) {
        for (String value : values) {
            if (!blank(value)) {
                return value.strip();
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String trim(String value, int max) {
        if (blank(value)) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
