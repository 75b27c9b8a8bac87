package io.tollgate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Writes and reads the append-only audit log. Writers join the transaction of the change they record. */
@ApplicationScoped
public class AuditLog {

    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
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
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<AuditEvent> search(Viewer viewer, AuditQuery query, PageRequest page) {
        if (!viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only security admins read the audit log");
        }
        return Paged.of(AuditEvent.search(query, page.panache()), page, AuditEvent.countMatching(query));
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
