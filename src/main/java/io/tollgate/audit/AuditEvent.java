package io.tollgate.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/** One change of state that matters. Rows are only ever inserted (the database refuses updates and deletes). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntity {

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The person who made the change; empty for Tollgate itself. */
    @Column(name = "actor_id")
    public Long actorId;

    /** The actor's e-mail address at the time, or "system". */
    @Column(nullable = false)
    public String actor;

    /** What happened, e.g. {@code team.member-added}. */
    @Column(nullable = false)
    public String action;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    /** The natural key of what changed (a team slug, an e-mail address, an account id). */
    @Column(nullable = false)
    public String subject;

    /** JSON of the relevant state before the change; empty for creations. */
    @Column(name = "before_state")
    public String beforeState;

    /** JSON of the relevant state after the change; empty for deletions. */
    @Column(name = "after_state")
    public String afterState;

    public static List<AuditEvent> search(AuditQuery query, Page page) {
        return find(where(query) + " order by occurredAt desc, id desc", parameters(query)).page(page).list();
    }

    public static long countMatching(AuditQuery query) {
        return count(where(query), parameters(query));
    }

    /** Only the filters that are set, so that no untyped null reaches PostgreSQL. */
    private static String where(AuditQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (query.subjectType() != null) {
            where.append(" and subjectType = :subjectType");
        }
        if (query.action() != null) {
            where.append(" and action = :action");
        }
        if (query.actor() != null) {
            where.append(" and lower(actor) = lower(:actor)");
        }
        return where.toString();
    }

    private static Parameters parameters(AuditQuery query) {
        Parameters parameters = new Parameters();
        if (query.subjectType() != null) {
            parameters.and("subjectType", query.subjectType());
        }
        if (query.action() != null) {
            parameters.and("action", query.action());
        }
        if (query.actor() != null) {
            parameters.and("actor", query.actor());
        }
        return parameters;
    }
}
