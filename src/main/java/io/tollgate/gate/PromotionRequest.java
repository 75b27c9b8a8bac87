package io.tollgate.gate;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;
import io.tollgate.org.AwsAccount;
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

/** A lead's request to move an AWS account into the production environment, and where it stands. */
@Entity
@Table(name = "promotion_request")
public class PromotionRequest extends PanacheEntity {

    /** NOT_PASSED: the latest decision failed; AWAITING_CONFIRMATION: it passed; PROMOTED: the account moved. */
    public enum State { NOT_PASSED, AWAITING_CONFIRMATION, PROMOTED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public AwsAccount account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_environment_id")
    public Environment fromEnvironment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_environment_id")
    public Environment toEnvironment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** The latest gate decision on this request. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "evaluation_id")
    public GateEvaluation evaluation;

    /** How many times the gate was asked, which also names each decision's idempotency key. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** Why AWS Organizations did not move the account at the last confirmation; cleared when it moves. */
    @Column(name = "move_error")
    public String moveError;

    @Column(name = "move_failed_at")
    public Instant moveFailedAt;

    public static List<PromotionRequest> ofTeam(Team team) {
        return list("account.team", Sort.descending("requestedAt").and("id", Sort.Direction.Descending), team);
    }

    public static boolean openFor(AwsAccount account) {
        return count("account = ?1 and state <> ?2", account, State.PROMOTED) > 0;
    }
}
