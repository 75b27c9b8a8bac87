package io.tollgate.security;

import io.tollgate.org.GlobalRole;

import java.util.Set;

/** The signed-in person a request acts for, as services need it for authorization and audit. */
public record Viewer(long personId, String email, Set<GlobalRole> roles) {

    /** Tollgate itself, for changes made at start-up (first admin, demo data). */
    public static final Viewer SYSTEM = new Viewer(0, "system", Set.of(GlobalRole.SECURITY_ADMIN));

    public boolean isSecurityAdmin() {
        return roles.contains(GlobalRole.SECURITY_ADMIN);
    }

    /** Managers and security admins read every team. */
    public boolean readsAllTeams() {
        return roles.contains(GlobalRole.MANAGER) || roles.contains(GlobalRole.SECURITY_ADMIN);
    }

    public boolean isSystem() {
        return this == SYSTEM;
    }
}
