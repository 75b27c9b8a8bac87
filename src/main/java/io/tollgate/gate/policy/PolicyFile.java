package io.tollgate.gate.policy;

import java.util.List;

/**
 * What one policy file says: the conditions it adds and, in a team file only, the default conditions it replaces by
 * their baseline variants.
 */
public record PolicyFile(List<Condition> conditions, List<Replacement> replacements) {
}
