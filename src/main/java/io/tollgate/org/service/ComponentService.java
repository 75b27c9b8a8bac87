package io.tollgate.org.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.Component;
import io.tollgate.org.Environment;
import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The repositories and accounts a team scans. Account components come with account registration. */
@ApplicationScoped
public class ComponentService {

    private final InputValidator validator;
    private final TeamService teams;
    private final AuditLog audit;
    private final Clock clock;

    ComponentService(InputValidator validator, TeamService teams, AuditLog audit, Clock clock) {
        this.validator = validator;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Component> ofTeam(Viewer viewer, String slug) {
        return Component.ofTeam(teams.visibleTeam(viewer, slug));
    }

    /** Adds a source repository; security admins and the team's leads may. */
    @Transactional
    public Component addRepository(Viewer viewer, String slug, ComponentDraft draft) {
        Team team = teams.visibleTeam(viewer, slug);
        if (!viewer.isSecurityAdmin() && !Membership.isLead(team.id, viewer.personId())) {
            throw new ForbiddenException("Only the team's leads and security admins add components");
        }
        validator.check(draft);
        Environment environment = Environment.findByKey(draft.environment())
                .orElseThrow(() -> new InvalidInputException("environment", "no environment '" + draft.environment() + "'"));
        String repository = draft.repository().strip();
        String key = repository.startsWith(Component.Kind.REPOSITORY.keyPrefix) ? repository
                : Component.Kind.REPOSITORY.keyPrefix + repository;
        if (Component.find(team, environment, key).isPresent()) {
            throw new ConflictException("repository", "'" + key + "' is already a component of " + slug + " in " + environment.key);
        }
        Component component = new Component();
        component.team = team;
        component.environment = environment;
        component.kind = Component.Kind.REPOSITORY;
        component.key = key;
        component.name = draft.name() == null || draft.name().isBlank() ? Component.repositoryName(key) : draft.name().strip();
        component.createdAt = Instant.now(clock);
        component.persist();
        audit.record(viewer, "component.added", "team", slug, null,
                Map.of("component", key, "environment", environment.key));
        return component;
    }
}
