package io.tollgate.security;

import io.tollgate.org.GlobalRole;

import java.util.Set;

/** The signed-in person a request acts for, as services need it for authorization and audit. */
public record Viewer(long personId, String email, Set<GlobalRole> roles) {

    /** Tollgate itself, for changes made at start-up (first admin, demo data). */
    public static final Viewer SYSTEM = new Viewer(0, "system", Set.of(GlobalRole.SECURITY_ADMIN));

    /**
     * A team's CI credential acting through the webhook, named for the audit log and scan history. It holds the
     * security-admin role only so that the import and the gate accept it: the webhook confines it to the
     * credential's own team before it reaches them.
     */
    public static Viewer pipeline(String name) {
        return new Viewer(0, name, Set.of(GlobalRole.SECURITY_ADMIN));
    }

    /** Whether a person is behind the request, rather than Tollgate itself or a pipeline. */
    public boolean isPerson() {
        return personId > 0;
    }

    public boolean isSecurityAdmin() {
        return roles.contains(GlobalRole.SECURITY_ADMIN);
    }

    /** Managers and security admins read every team. */
    public boolean readsAllTeams() {
        return roles.contains(GlobalRole.MANAGER) || roles.contains(GlobalRole.SECURITY_ADMIN);
    }
}
