package io.tollgate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads the append-only audit log. Writers join the transaction of the change they record. Each event
 * that is committed is also written as one JSON log line under the category {@value #CATEGORY}, so that the
 * platform's log shipper keeps a copy out of reach of whoever controls the database.
 */
@ApplicationScoped
public class AuditLog {

    /** The log category of the audit lines; operators route it to a store of its own. */
    public static final String CATEGORY = "io.tollgate.audit";
    private static final Logger LINES = Logger.getLogger(CATEGORY);

    /** An event that was recorded, as its log line, written once its transaction commits. */
    record Recorded(String line) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Event<Recorded> recorded;

    AuditLog(ObjectMapper json, Clock clock, Event<Recorded> recorded) {
        this.json = json;
        this.clock = clock;
        this.recorded = recorded;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Viewer actor, String action, String subjectType, String subject,
                       Map<String, ?> before, Map<String, ?> after) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now(clock);
        event.actorId = actor.isPerson() ? actor.personId() : null;
        event.actor = actor.email();
        event.action = action;
        event.subjectType = subjectType;
        event.subject = subject;
        event.beforeState = toJson(before);
        event.afterState = toJson(after);
        event.persist();
        recorded.fire(new Recorded(toLine(event, before, after)));
    }

    /** Changes that were rolled back leave no line. */
    void writeLine(@Observes(during = TransactionPhase.AFTER_SUCCESS) Recorded event) {
        LINES.info(event.line());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<AuditEvent> search(Viewer viewer, AuditQuery query, PageRequest page) {
        if (!viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only security admins read the audit log");
        }
        return Paged.of(AuditEvent.search(query, page.panache()), page, AuditEvent.countMatching(query));
    }

    /** The stored row's fields; the states hold no secrets (callers record names and states, never values). */
    private String toLine(AuditEvent event, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("auditEventId", event.id);
        line.put("occurredAt", event.occurredAt.toString());
        line.put("actorId", event.actorId);
        line.put("actor", event.actor);
        line.put("action", event.action);
        line.put("subjectType", event.subjectType);
        line.put("subject", event.subject);
        line.put("before", before);
        line.put("after", after);
        return toJson(line);
    }

    private String toJson(Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state is not serializable", e);
        }
    }
}
