package io.tollgate.findings;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One step in a finding's history: detected, fixed, reopened by a scan, or changed by a person. */
@Entity
@Table(name = "finding_event")
public class FindingEvent extends PanacheEntity {

    public enum Kind { DETECTED, FIXED, REOPENED, STATUS_CHANGED }

    @Column(name = "finding_id", nullable = false)
    public long findingId;

    @Column(name = "scan_id")
    public Long scanId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String actor;

    public String detail;

    public static List<FindingEvent> of(long findingId) {
        return list("findingId = ?1 order by occurredAt, id", findingId);
    }
}
