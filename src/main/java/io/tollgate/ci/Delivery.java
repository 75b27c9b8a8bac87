package io.tollgate.ci;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
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
import java.util.Optional;

/**
 * One webhook delivery of a team, by its delivery id: while it runs, and then the response it got. A finished
 * delivery answers a retry with the same id; a failed one may be retried.
 */
@Entity
@Table(name = "ci_delivery")
public class Delivery extends PanacheEntity {

    public enum State { RUNNING, DONE, FAILED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @Column(name = "delivery_id", nullable = false)
    public String deliveryId;

    /** Which credential authenticated it, as people read it. */
    @Column(nullable = false)
    public String credential;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String environment;

    public String component;

    @Column(name = "commit_sha")
    public String commit;

    @Column(name = "gate_environment")
    public String gateEnvironment;

    /** The HTTP status answered. */
    public Integer status;

    public Boolean passed;

    @Column(name = "scan_id")
    public Long scanId;

    public String verdict;

    public String error;

    /** The JSON body answered, kept to answer retries. */
    public String response;

    public static Optional<Delivery> find(Team team, String deliveryId) {
        return find("team = ?1 and deliveryId = ?2", team, deliveryId).firstResultOptional();
    }

    public static List<Delivery> recent(Team team, Page page) {
        return find("team = ?1 order by receivedAt desc, id desc", team).page(page).list();
    }

    public static long countOfTeam(Team team) {
        return count("team", team);
    }
}
