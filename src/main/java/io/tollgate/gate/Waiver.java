package io.tollgate.gate;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A time-limited exception to one control or one policy condition of a team. It covers the gate only while it is
 * approved and not expired; expired, denied and revoked waivers are kept and shown.
 */
@Entity
@Table(name = "waiver")
public class Waiver extends PanacheEntity {

    /** What a waiver covers: a control (its id), a policy condition (its metric) or one finding (its id). */
    public enum Kind { CONTROL, CONDITION, FINDING }

    /**
     * Where a waiver stands; an approved waiver past its expiry shows as expired (finding waivers are also stored so,
     * as is an "until fixed" one whose finding was fixed).
     */
    public enum State { REQUESTED, APPROVED, DENIED, REVOKED, EXPIRED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String reason;

    /** As stored; read {@link #stateAt(Instant)} for what it means now. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The finding a FINDING waiver covers. */
    @Column(name = "finding_id")
    public Long findingId;

    /** A finding waiver that ends when its finding is fixed, or at {@link #expiresAt} at the latest. */
    @Column(name = "until_fixed", nullable = false)
    public boolean untilFixed;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requested_by")
    public Person requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    public Person decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public State stateAt(Instant now) {
        return state == State.APPROVED && !expiresAt.isAfter(now) ? State.EXPIRED : state;
    }

    public boolean activeAt(Instant now) {
        return stateAt(now) == State.APPROVED;
    }

    /** Whether the waiver covers the policy condition with this metric. */
    public boolean covers(String metric) {
        return switch (kind) {
            case CONDITION -> subject.equals(metric);
            case CONTROL -> metric.equals("control:" + subject);
            case FINDING -> false;
        };
    }

    /**
     * Approved finding waivers, of one team or of all when {@code team} is null, whether lapsed or not; locked, and
     * rows another transaction holds are skipped, so that instances sweeping at once do not end a waiver twice.
     */
    public static List<Waiver> approvedOnFindings(Team team) {
        PanacheQuery<Waiver> query = team == null ? find("kind = ?1 and state = ?2", Kind.FINDING, State.APPROVED)
                : find("team = ?1 and kind = ?2 and state = ?3", team, Kind.FINDING, State.APPROVED);
        return query.withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2).list();
    }

    public static List<Waiver> ofTeam(Team team) {
        return list("team", Sort.descending("requestedAt").and("id", Sort.Direction.Descending), team);
    }

    /** Approved waivers of every team that are active now and end before {@code until}, soonest first. */
    public static PanacheQuery<Waiver> activeUntil(Instant now, Instant until) {
        return find("state = ?1 and expiresAt > ?2 and expiresAt < ?3",
                Sort.ascending("expiresAt").and("id"), State.APPROVED, now, until);
    }

    /** Approved waivers of the team that have not expired. */
    public static List<Waiver> activeOf(Team team, Instant now) {
        return list("team = ?1 and state = ?2 and expiresAt > ?3", team, State.APPROVED, now);
    }
}
