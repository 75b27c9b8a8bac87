package io.tollgate.findings;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.tollgate.findings.parsers.Severity;
import io.tollgate.org.Component;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One problem in one component as one tool sees it, identified by its fingerprint across scans. Rows are written
 * in bulk by the import engine, never persisted through Hibernate: the database gives a new finding its id (migration
 * V16). People change only the status (false positive, risk accepted).
 */
@Entity
@Table(name = "finding")
@SecondaryTable(name = Finding.SIGHTING, pkJoinColumns = @PrimaryKeyJoinColumn(name = "finding_id"))
public class Finding extends PanacheEntity {

    /**
     * When a later scan last reported the finding lives in a narrow table of its own, the one every import rewrites;
     * a finding no scan has reported again has no row there (migration V17).
     */
    static final String SIGHTING = "finding_sighting";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "environment_id")
    public Environment environment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "component_id")
    public Component component;

    @Column(nullable = false)
    public String tool;

    @Column(nullable = false, length = 64)
    public String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;

    @Column(nullable = false)
    public boolean suppressed;

    @Column(name = "suppression_reason")
    public String suppressionReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    /** 5 for critical down to 1 for info; computed by the database. */
    @Column(name = "severity_rank", insertable = false, updatable = false)
    public int severityRank;

    @Column(nullable = false)
    public String title;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "rule_id")
    public String ruleId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cwe_ids", nullable = false)
    public Integer[] cweIds;

    @Column(name = "owasp_category")
    public String owaspCategory;

    @Column(name = "sas_id")
    public String sasId;

    public String practice;

    @Column(name = "control_id")
    public String controlId;

    @Column(name = "check_id")
    public String checkId;

    @Column(name = "file_path")
    public String filePath;

    public Integer line;

    public String resource;

    @Column(name = "package_name")
    public String packageName;

    @Column(name = "package_version")
    public String packageVersion;

    @Column(name = "fixed_version")
    public String fixedVersion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "vulnerability_ids", nullable = false)
    public String[] vulnerabilityIds;

    public String description;

    public String remediation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reference_urls", nullable = false)
    public String[] referenceUrls;

    @Column(name = "tool_identity")
    public String toolIdentity;

    @Column(name = "secret_masked")
    public String secretMasked;

    @Column(name = "secret_hash", length = 64)
    public String secretHash;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    /** When a scan after the one that detected the finding last reported it; null until one does. */
    @Column(table = SIGHTING, name = "last_seen_at")
    public Instant seenAgainAt;

    @Column(name = "fixed_at")
    public Instant fixedAt;

    @Column(name = "times_reopened", nullable = false)
    public int timesReopened;

    @Column(name = "first_scan_id", nullable = false)
    public long firstScanId;

    @Column(name = "sla_due_at")
    public Instant slaDueAt;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_by")
    public String statusChangedBy;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** When the finding was last reported: by a later scan, or else by the scan that detected it. */
    public Instant lastSeenAt() {
        return seenAgainAt != null ? seenAgainAt : firstSeenAt;
    }

    public boolean slaBreachedAt(Instant now) {
        return status == FindingStatus.OPEN && slaDueAt != null && slaDueAt.isBefore(now);
    }
}
