package io.tollgate.aws;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.tollgate.aws.collector.CheckOutcome;
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

/** The outcome of one check in one collection run. */
@Entity
@Table(name = "collection_check")
public class CollectionCheck extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id")
    public CollectionRun run;

    /** The control id the check evaluates. */
    @Column(name = "check_id", nullable = false)
    public String checkId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckOutcome outcome;

    /** Resources that passed. */
    @Column(nullable = false)
    public int passed;

    /** Resources that failed. */
    @Column(nullable = false)
    public int failed;

    /** For a check not evaluated: the API and error that stopped it. */
    public String reason;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    public static List<CollectionCheck> ofRun(CollectionRun run) {
        return list("run = ?1 order by id", run);
    }
}
