package io.tollgate.findings;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step in a finding's history: fixed or reopened by a scan, or changed by a person. The detection itself is
 * not stored: it is the finding's first sighting, shown by {@link #detection(Finding)}.
 */
@Entity
@Table(name = "finding_event")
public class FindingEvent extends PanacheEntity {

    /** WAIVER_ENDED: a waiver on the finding ended after the finding had moved on (fixed), so its status stays. */
    public enum Kind { DETECTED, FIXED, REOPENED, STATUS_CHANGED, WAIVER_ENDED }

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

    /** The whole history, detection first. */
    public static List<FindingEvent> historyOf(Finding finding) {
        List<FindingEvent> history = new ArrayList<>();
        history.add(detection(finding));
        history.addAll(list("findingId = ?1 order by occurredAt, id", finding.id));
        return history;
    }

    /** The detection, derived from the finding's first sighting; never persisted. */
    static FindingEvent detection(Finding finding) {
        FindingEvent detected = new FindingEvent();
        detected.findingId = finding.id;
        detected.scanId = finding.firstScanId;
        detected.occurredAt = finding.firstSeenAt;
        detected.kind = Kind.DETECTED;
        return detected;
    }
}
