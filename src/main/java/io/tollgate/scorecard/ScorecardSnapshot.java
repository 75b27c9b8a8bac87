package io.tollgate.scorecard;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
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
import java.util.List;

/** A team's scorecard in one environment as it stood at one moment; the history and trends read these. */
@Entity
@Table(name = "scorecard_snapshot")
public class ScorecardSnapshot extends PanacheEntity {

    /** Why a snapshot was taken. */
    public enum Cause { IMPORT, FINDING_STATUS, TRAINING, DAILY }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "environment_id")
    public Environment environment;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cause cause;

    /** Null when no pillar had data. */
    public Double score;

    @Column(nullable = false)
    public boolean incomplete;

    @Enumerated(EnumType.STRING)
    public Level level;

    public Double vulnerabilities;
    public Double controls;
    public Double training;
    public Double freshness;

    /** The snapshots of a team in an environment since a moment, oldest first. */
    public static List<ScorecardSnapshot> since(long teamId, long environmentId, Instant from) {
        return list("team.id = ?1 and environment.id = ?2 and takenAt >= ?3 order by takenAt, id", teamId, environmentId, from);
    }
}
