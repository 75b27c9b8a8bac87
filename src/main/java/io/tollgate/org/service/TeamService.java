package io.tollgate.org.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.Component;
import io.tollgate.org.Environment;
import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Teams and their members. Members see only their own teams; managers and security admins see all. */
@ApplicationScoped
public class TeamService {

    private final InputValidator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<MemberJoined> joined;

    TeamService(InputValidator validator, AuditLog audit, Clock clock, Event<MemberJoined> joined) {
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.joined = joined;
    }

    /** A team with everything its page shows. */
    public record TeamOverview(Team team, List<Membership> members, List<Environment> environments,
                               List<AwsAccount> accounts, List<Component> components) {

        public List<AwsAccount> accountsIn(Environment environment) {
            return accounts.stream().filter(a -> a.environment.id.equals(environment.id)).toList();
        }

        public List<Component> componentsIn(Environment environment) {
            return components.stream().filter(c -> c.environment.id.equals(environment.id)).toList();
        }

        public long leadCount() {
            return members.stream().filter(m -> m.role == TeamRole.LEAD).count();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<Team> visibleTeams(Viewer viewer, PageRequest page) {
        if (viewer.readsAllTeams()) {
            return Paged.of(Team.pageAll(page.panache()), page, Team.count());
        }
        return Paged.of(Team.pageForMember(viewer.personId(), page.panache()), page,
                Team.countForMember(viewer.personId()));
    }

    /** The team, if the viewer may see it; otherwise "not found", so that other teams' names do not leak. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Team visibleTeam(Viewer viewer, String slug) {
        return Team.findBySlug(slug).filter(team -> sees(viewer, team)).orElseThrow(() -> new NotFoundException("Team", slug));
    }

    /**
     * Whether the viewer may see the team: managers and security admins see every team, others their own. A thing
     * reached through its team (an account, a decision) that the viewer may not see is "not found" under its own kind.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean sees(Viewer viewer, Team team) {
        return viewer.readsAllTeams() || Membership.isMember(team.id, viewer.personId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamOverview overview(Viewer viewer, String slug) {
        Team team = visibleTeam(viewer, slug);
        return new TeamOverview(team, Membership.ofTeam(team), Environment.inPromotionOrder(),
                AwsAccount.ofTeam(team), Component.ofTeam(team));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> members(Viewer viewer, String slug) {
        return Membership.ofTeam(visibleTeam(viewer, slug));
    }

    @Transactional
    public Team create(Viewer viewer, TeamDraft draft) {
        requireAdmin(viewer, "create teams");
        validator.check(draft);
        if (Team.findBySlug(draft.slug()).isPresent()) {
            throw new ConflictException("slug", "a team with slug '" + draft.slug() + "' already exists");
        }
        Team team = new Team();
        team.slug = draft.slug();
        team.name = draft.name().strip();
        team.description = blankToNull(draft.description());
        team.createdAt = Instant.now(clock);
        team.persist();
        audit.record(viewer, "team.created", "team", team.slug, null, state(team));
        return team;
    }

    @Transactional
    public Team update(Viewer viewer, String slug, TeamDraft draft) {
        requireAdmin(viewer, "change teams");
        validator.check(draft);
        Team team = Team.findBySlug(slug).orElseThrow(() -> new NotFoundException("Team", slug));
        if (!draft.slug().equals(slug) && Team.findBySlug(draft.slug()).isPresent()) {
            throw new ConflictException("slug", "a team with slug '" + draft.slug() + "' already exists");
        }
        Map<String, Object> before = state(team);
        team.slug = draft.slug();
        team.name = draft.name().strip();
        team.description = blankToNull(draft.description());
        audit.record(viewer, "team.updated", "team", team.slug, before, state(team));
        return team;
    }

    /** Adds a person to a team, or changes their role in it. A new member is announced as {@link MemberJoined}. */
    @Transactional
    public Membership putMember(Viewer viewer, String slug, String email, TeamRole role) {
        requireAdmin(viewer, "change team membership");
        if (role == null) {
            throw new InvalidInputException("role", "must be MEMBER or LEAD");
        }
        Team team = Team.findBySlug(slug).orElseThrow(() -> new NotFoundException("Team", slug));
        Person person = Person.findByEmail(email == null ? "" : email.strip())
                .orElseThrow(() -> new InvalidInputException("email",
                        "no person with e-mail address '" + email + "'; add them under People first"));
        Membership membership = Membership.find(team, person).orElse(null);
        if (membership == null) {
            membership = new Membership();
            membership.team = team;
            membership.person = person;
            membership.role = role;
            membership.joinedAt = Instant.now(clock);
            membership.persist();
            audit.record(viewer, "team.member-added", "team", team.slug, null,
                    Map.of("person", person.email, "role", role.name()));
            joined.fire(new MemberJoined(viewer, membership));
        } else if (membership.role != role) {
            TeamRole previous = membership.role;
            membership.role = role;
            audit.record(viewer, "team.member-role-changed", "team", team.slug,
                    Map.of("person", person.email, "role", previous.name()),
                    Map.of("person", person.email, "role", role.name()));
        }
        return membership;
    }

    @Transactional
    public void removeMember(Viewer viewer, String slug, long personId) {
        requireAdmin(viewer, "change team membership");
        Team team = Team.findBySlug(slug).orElseThrow(() -> new NotFoundException("Team", slug));
        Person person = Person.<Person>findByIdOptional(personId)
                .orElseThrow(() -> new NotFoundException("Person", personId));
        Membership membership = Membership.find(team, person)
                .orElseThrow(() -> new NotFoundException("Member", person.email));
        membership.delete();
        audit.record(viewer, "team.member-removed", "team", team.slug,
                Map.of("person", person.email, "role", membership.role.name()), null);
    }

    static void requireAdmin(Viewer viewer, String what) {
        if (!viewer.isSecurityAdmin()) {
            throw new ForbiddenException("Only security admins " + what);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, Object> state(Team team) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("slug", team.slug);
        state.put("name", team.name);
        state.put("description", team.description);
        return state;
    }
}
