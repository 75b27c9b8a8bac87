package io.tollgate.org.service;

import io.tollgate.org.Membership;
import io.tollgate.security.Viewer;

/**
 * A person joined a team. Fired inside the transaction that adds them, so that other features react in the same
 * change (training hands the joiner the team's mandatory assignments) and a failure there adds nobody.
 */
public record MemberJoined(Viewer actor, Membership membership) {
}
