package io.tollgate.gate;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A security admin's pass of one failed decision, with the reason; at most one per decision, never changed.
 */
@Entity
@Immutable
@Table(name = "gate_break_glass")
public class BreakGlass extends PanacheEntity {

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evaluation_id")
    public GateEvaluation evaluation;

    @Column(nullable = false)
    public String reason;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    public static Optional<BreakGlass> of(GateEvaluation evaluation) {
        return find("evaluation", evaluation).firstResultOptional();
    }

    /** The break-glass grants of these evaluations, by evaluation id, in one query. */
    public static Map<Long, BreakGlass> byEvaluation(Collection<GateEvaluation> evaluations) {
        if (evaluations.isEmpty()) {
            return Map.of();
        }
        return BreakGlass.<BreakGlass>list("evaluation in ?1", evaluations).stream()
                .collect(Collectors.toMap(grant -> grant.evaluation.id, grant -> grant));
    }
}
