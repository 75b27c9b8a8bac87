package io.tollgate.findings;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
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
import jakarta.persistence.Table;

import java.time.Instant;

/** One uploaded report, imported or refused, with what it changed. */
@Entity
@Table(name = "scan")
public class Scan extends PanacheEntity {

    public enum Outcome { IMPORTED, REFUSED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "environment_id")
    public Environment environment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "component_id")
    public Component component;

    @Column(nullable = false)
    public String tool;

    /** The parser that read it; empty when no format was recognised. */
    public String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScanMode mode;

    @Column(name = "commit_sha")
    public String commitSha;

    public String branch;

    @Column(name = "pipeline_url")
    public String pipelineUrl;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "error_position")
    public String errorPosition;

    @Column(name = "error_reason")
    public String errorReason;

    public Long bytes;

    @Column(name = "duration_ms")
    public Long durationMs;

    public int records;
    @Column(name = "new_count")
    public int newCount;
    @Column(name = "reopened_count")
    public int reopenedCount;
    @Column(name = "fixed_count")
    public int fixedCount;
    @Column(name = "unchanged_count")
    public int unchangedCount;
    @Column(name = "suppressed_count")
    public int suppressedCount;
    @Column(name = "passed_checks")
    public int passedChecks;
    @Column(name = "open_critical")
    public int openCritical;
    @Column(name = "open_high")
    public int openHigh;
    @Column(name = "open_medium")
    public int openMedium;
    @Column(name = "open_low")
    public int openLow;
    @Column(name = "open_info")
    public int openInfo;
}
