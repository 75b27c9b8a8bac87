package io.tollgate.training.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The training pillar of a team's scorecard: the mean completion, in percent, of the required curricula by the
 * team's active members, where a curriculum past its due date and not finished counts as 0. It is the same in each
 * of the team's environments, since people belong to teams, not to environments.
 *
 * @param value              0 to 100, one decimal; empty when the team has no active member or no curriculum is required
 * @param membersDone        members who finished every required curriculum
 * @param membersOverdue     members with a required curriculum past its due date
 * @param requiredCurricula  the ids of the curricula counted
 */
public record TrainingFigure(String team, Double value, int members, int membersDone, int membersOverdue,
                             List<String> requiredCurricula, LocalDate asOf) {
}
