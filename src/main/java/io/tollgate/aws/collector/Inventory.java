package io.tollgate.aws.collector;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the function step found and later steps need: which functions use which execution role. */
final class Inventory {

    private final Map<String, Set<String>> functionsByRole = new LinkedHashMap<>();

    void function(String roleArn, String functionArn) {
        if (roleArn != null) {
            functionsByRole.computeIfAbsent(roleArn, k -> new LinkedHashSet<>()).add(functionArn);
        }
    }

    Map<String, Set<String>> functionsByRole() {
        return functionsByRole;
    }
}
