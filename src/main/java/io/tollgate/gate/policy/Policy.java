package io.tollgate.gate.policy;

import java.util.List;

/**
 * The conditions a team must meet to promote, with the version they are known by.
 *
 * @param hash       SHA-256 of the default policy file, followed by that of the team's file when there is one
 * @param conditions the default conditions, then the team's
 */
public record Policy(String hash, List<Condition> conditions) {
}
