package io.tollgate.aws;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import io.tollgate.org.AwsAccount;
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
import java.util.Optional;

/** One collection of an AWS account by Tollgate's own checks, scheduled or asked for. */
@Entity
@Table(name = "collection_run")
public class CollectionRun extends PanacheEntity {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    public enum Trigger { SCHEDULE, ON_DEMAND }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public AwsAccount account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trigger trigger;

    /** The person who pressed "Scan now", or the scheduler. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    /** The step running now, while the run is running. */
    public String step;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Why the run failed as a whole, e.g. the role could not be assumed. */
    public String error;

    /** The scan of Tollgate's own checks that the run imported. */
    @Column(name = "scan_id")
    public Long scanId;

    /** The scan of the account's Security Hub findings that the run imported. */
    @Column(name = "securityhub_scan_id")
    public Long securityHubScanId;

    /** Why Security Hub findings could not be read, when they could not. */
    @Column(name = "securityhub_error")
    public String securityHubError;

    public static Optional<CollectionRun> activeOf(AwsAccount account) {
        return find("account = ?1 and status in ?2", account, List.of(Status.QUEUED, Status.RUNNING)).firstResultOptional();
    }

    public static List<CollectionRun> ofAccount(AwsAccount account, Page page) {
        return find("account = ?1 order by queuedAt desc, id desc", account).page(page).list();
    }

    public static long countOf(AwsAccount account) {
        return count("account", account);
    }

    public static Optional<CollectionRun> ofAccount(AwsAccount account, long id) {
        return find("account = ?1 and id = ?2", account, id).firstResultOptional();
    }
}
