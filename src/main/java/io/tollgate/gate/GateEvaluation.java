package io.tollgate.gate;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
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
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One gate decision, stored once and never changed (the database refuses updates and deletes): the verdict, each
 * condition's result and the inputs it was computed from, as JSON, with the version of the policy applied.
 */
@Entity
@Immutable
@Table(name = "gate_evaluation")
public class GateEvaluation extends PanacheEntity {

    /** The outcome of an evaluation. */
    public enum Verdict { PASS, PASS_WITH_WAIVERS, FAIL }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    /** The environment the team wants to promote to. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "environment_id")
    public Environment environment;

    /** The environment whose figures were judged: the one before the target in promotion order. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_environment_id")
    public Environment sourceEnvironment;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "commit_sha")
    public String commit;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @Column(name = "policy_hash", nullable = false)
    public String policyHash;

    /** The condition results as a JSON array. */
    @Column(nullable = false)
    public String conditions;

    /** The inputs as a JSON object. */
    @Column(nullable = false)
    public String inputs;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /**
     * Makes concurrent requests with the same team and idempotency key wait for each other until the end of the
     * transaction, so that the second one finds the decision the first one stored instead of clashing with it.
     */
    public static void lockKey(Team team, String idempotencyKey) {
        getEntityManager().createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, idempotencyKey).setParameter(2, team.id).getSingleResult();
    }

    public static Optional<GateEvaluation> findByKey(Team team, String idempotencyKey) {
        return find("team = ?1 and idempotencyKey = ?2", team, idempotencyKey).firstResultOptional();
    }

    /** The team's last PASS or PASS_WITH_WAIVERS decision for the target environment. */
    public static Optional<GateEvaluation> lastPassing(Team team, Environment environment) {
        return find("team = ?1 and environment = ?2 and verdict in ?3",
                Sort.descending("evaluatedAt").and("id", Sort.Direction.Descending), team, environment,
                List.of(Verdict.PASS, Verdict.PASS_WITH_WAIVERS)).firstResultOptional();
    }

    /** The newest decisions of a team, optionally for one target environment and one verdict. */
    public static List<GateEvaluation> history(Team team, Environment environment, Verdict verdict, int limit) {
        StringBuilder query = new StringBuilder("team = :team");
        Parameters parameters = Parameters.with("team", team);
        if (environment != null) {
            query.append(" and environment = :environment");
            parameters.and("environment", environment);
        }
        if (verdict != null) {
            query.append(" and verdict = :verdict");
            parameters.and("verdict", verdict);
        }
        return find(query.toString(), Sort.descending("evaluatedAt").and("id", Sort.Direction.Descending), parameters)
                .page(0, limit).list();
    }
}
