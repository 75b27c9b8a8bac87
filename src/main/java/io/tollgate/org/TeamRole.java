package io.tollgate.org;

/** A person's role inside one team. */
public enum TeamRole {
    MEMBER,
    LEAD
}
