package io.tollgate.gate.service;

import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Who acts on a team's gate (asks for a decision, requests a waiver): the team's members and leads, and security
 * admins, which includes a team's CI credential (the webhook confines it to its own team). Managers read every
 * team's gate but act on none they are not a member of.
 */
@ApplicationScoped
public class GateAccess {

    private final TeamService teams;

    GateAccess(TeamService teams) {
        this.teams = teams;
    }

    /** Whether the viewer may act on the gate of a team they see. */
    public boolean mayAct(Viewer viewer, Team team) {
        return viewer.isSecurityAdmin() || Membership.isMember(team.id, viewer.personId());
    }

    /**
     * The team, if the viewer may act on its gate: "not found" for a team they may not see, "forbidden" for one they
     * only read.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Team actingTeam(Viewer viewer, String slug, String action) {
        Team team = teams.visibleTeam(viewer, slug);
        if (!mayAct(viewer, team)) {
            throw new ForbiddenException("Only the team's members and security admins " + action);
        }
        return team;
    }
}
