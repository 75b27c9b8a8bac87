package io.tollgate.platform;

import java.util.Set;

/**
 * Fired by a feature when something a team is measured by has changed (an import, a finding's status, a training
 * completion), so that features downstream, like the scorecard, can react without the feature knowing them.
 *
 * @param environmentId the environment concerned; null when the change concerns the team in every environment
 * @param cause         what changed, in upper case: IMPORT, FINDING_STATUS, TRAINING
 */
public record TeamInputsChanged(Set<Long> teamIds, Long environmentId, String cause) {
}
