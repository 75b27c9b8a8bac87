package io.tollgate.org;

/** Organisation-wide roles. Every person is a learner; the role names are also the security roles. */
public enum GlobalRole {
    /** Takes lessons; sees the teams they belong to. */
    LEARNER,
    /** Reads every team's scorecards, findings and training progress. */
    MANAGER,
    /** Manages teams, people, roles, accounts and credentials; approves waivers. */
    SECURITY_ADMIN;

    public static final String MANAGER_ROLE = "MANAGER";
    public static final String SECURITY_ADMIN_ROLE = "SECURITY_ADMIN";
    public static final String LEARNER_ROLE = "LEARNER";
}
