package io.tollgate.training.service;

import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Who may see and assign whose training. A learner sees their own progress; a team lead sees and assigns within the
 * teams they lead; managers and security admins see and assign everywhere. What a viewer may not see answers
 * "not found", so that names do not leak; what they may see but not change answers "forbidden".
 */
@ApplicationScoped
public class TrainingAccess {

    /** The person, if the viewer may read their training. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Person readablePerson(Viewer viewer, long personId) {
        boolean allowed = viewer.personId() == personId || viewer.readsAllTeams()
                || Membership.leadsTeamOf(viewer.personId(), personId);
        return Person.<Person>findByIdOptional(personId).filter(p -> allowed)
                .orElseThrow(() -> new NotFoundException("Person", personId));
    }

    /** The team, if the viewer may read its training report and assign to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Team manageableTeam(Viewer viewer, String slug) {
        Team team = Team.findBySlug(slug == null ? "" : slug).orElseThrow(() -> new NotFoundException("Team", slug));
        if (viewer.readsAllTeams() || Membership.isLead(team.id, viewer.personId())) {
            return team;
        }
        if (Membership.isMember(team.id, viewer.personId())) {
            throw new ForbiddenException("Only the team's leads, managers and security admins see its training progress");
        }
        throw new NotFoundException("Team", slug);
    }

    /** Whether the viewer sees the training of any team: managers, security admins and team leads. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean managesTeams(Viewer viewer) {
        return viewer.readsAllTeams() || !Membership.teamsLedBy(viewer.personId()).isEmpty();
    }

    /** The teams whose training the viewer manages, by name: all of them, or those they lead. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Team> managedTeams(Viewer viewer) {
        return viewer.readsAllTeams() ? Team.list("order by name, id") : Membership.teamsLedBy(viewer.personId());
    }

    void requireManagesTeams(Viewer viewer) {
        if (!managesTeams(viewer)) {
            throw new ForbiddenException("Only team leads, managers and security admins see and assign others' training");
        }
    }

    void requireAssignTo(Viewer viewer, Person person) {
        if (!viewer.readsAllTeams() && !Membership.leadsTeamOf(viewer.personId(), person.id)) {
            throw new ForbiddenException("Leads assign training to the members of their own teams only");
        }
    }

    void requireAssignTo(Viewer viewer, Team team) {
        if (!viewer.readsAllTeams() && !Membership.isLead(team.id, viewer.personId())) {
            throw new ForbiddenException("Leads assign training to their own teams only");
        }
    }
}
