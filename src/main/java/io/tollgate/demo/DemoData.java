package io.tollgate.demo;

import io.quarkus.runtime.StartupEvent;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;
import io.tollgate.org.service.AccountDraft;
import io.tollgate.org.service.AccountService;
import io.tollgate.org.service.ComponentDraft;
import io.tollgate.org.service.ComponentService;
import io.tollgate.org.service.PersonDraft;
import io.tollgate.org.service.PersonService;
import io.tollgate.org.service.TeamDraft;
import io.tollgate.org.service.TeamService;
import io.tollgate.security.OneTimePasswordNotice;
import io.tollgate.security.Viewer;
import io.tollgate.training.service.AssignmentDraft;
import io.tollgate.training.service.AssignmentService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small organisation to explore Tollgate with: three teams with leads and members, a manager, a second security
 * admin, one AWS account per team and environment, and the team-lead track assigned to each lead. Loaded once, on the first start against an empty
 * database, when {@code tollgate.demo-data.enabled} is true (the default of the embedded database).
 */
@ApplicationScoped
public class DemoData {

    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "uat", "prod");

    private record DemoTeam(String slug, String name, String description, String repository, long accountBase) {
    }

    private record DemoPerson(String email, String name, Set<GlobalRole> roles, String team, TeamRole teamRole) {
    }

    private static final List<DemoTeam> TEAMS = List.of(
            new DemoTeam("payments", "Payments", "Card authorisation and settlement Lambdas", "github.com/example/payments-api", 111100000000L),
            new DemoTeam("checkout", "Checkout", "Basket, pricing and order placement", "github.com/example/checkout-service", 222200000000L),
            new DemoTeam("platform", "Platform", "Shared CI, observability and account baseline", "github.com/example/platform-infra", 333300000000L));

    private static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("priya.lead@example.com", "Priya Raman", Set.of(), "payments", TeamRole.LEAD),
            new DemoPerson("tom.dev@example.com", "Tom Becker", Set.of(), "payments", TeamRole.MEMBER),
            new DemoPerson("ines.lead@example.com", "Inès Laurent", Set.of(), "checkout", TeamRole.LEAD),
            new DemoPerson("kofi.dev@example.com", "Kofi Mensah", Set.of(), "checkout", TeamRole.MEMBER),
            new DemoPerson("sam.lead@example.com", "Sam Okafor", Set.of(), "platform", TeamRole.LEAD),
            new DemoPerson("lena.dev@example.com", "Lena Novak", Set.of(), "platform", TeamRole.MEMBER),
            new DemoPerson("morgan.manager@example.com", "Morgan Ellis", Set.of(GlobalRole.MANAGER), null, null),
            new DemoPerson("alex.secadmin@example.com", "Alex Kim", Set.of(GlobalRole.SECURITY_ADMIN), "platform", TeamRole.MEMBER),
            new DemoPerson("new.joiner@example.com", "Jo Newman", Set.of(), null, null));

    private final TeamService teams;
    private final PersonService people;
    private final AccountService accounts;
    private final ComponentService components;
    private final AssignmentService assignments;
    private final OneTimePasswordNotice notice;

    @ConfigProperty(name = "tollgate.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    DemoData(TeamService teams, PersonService people, AccountService accounts, ComponentService components,
             AssignmentService assignments, OneTimePasswordNotice notice) {
        this.notice = notice;
        this.teams = teams;
        this.people = people;
        this.accounts = accounts;
        this.components = components;
        this.assignments = assignments;
    }

    /** After the first admin exists. */
    @Transactional
    void onStart(@Observes @Priority(2000) StartupEvent event) {
        if (!enabled || Team.count() > 0) {
            return;
        }
        Viewer system = Viewer.SYSTEM;
        for (DemoTeam team : TEAMS) {
            teams.create(system, new TeamDraft(team.slug(), team.name(), team.description()));
            for (int i = 0; i < ENVIRONMENTS.size(); i++) {
                String environment = ENVIRONMENTS.get(i);
                accounts.register(system, new AccountDraft(String.valueOf(team.accountBase() + i + 1),
                        team.name() + " " + environment, team.slug(), environment, null, null, null));
                components.addRepository(system, team.slug(), new ComponentDraft(environment, team.repository(), null));
            }
        }
        List<String> signIns = new ArrayList<>();
        for (DemoPerson person : PEOPLE) {
            PersonService.Invitation invitation = people.invite(system, new PersonDraft(person.email(), person.name(), person.roles()));
            if (person.team() != null) {
                teams.putMember(system, person.team(), person.email(), person.teamRole());
            }
            if (person.teamRole() == TeamRole.LEAD) {
                assignments.create(system, new AssignmentDraft("team-lead", null, null, person.email(), null, true));
            }
            signIns.add(String.format("    %-28s %-34s %s", person.email(), describe(person), invitation.oneTimePassword()));
        }
        notice.tell(String.format("  Demo data loaded: %d teams, %d people, %d AWS accounts.%n  Demo people and their one-time passwords:",
                TEAMS.size(), PEOPLE.size(), TEAMS.size() * ENVIRONMENTS.size()), String.join(System.lineSeparator(), signIns));
    }

    private static String describe(DemoPerson person) {
        List<String> parts = new ArrayList<>();
        person.roles().forEach(r -> parts.add(r.name().toLowerCase().replace('_', ' ')));
        if (person.team() != null) {
            parts.add(person.teamRole().name().toLowerCase() + " of " + person.team());
        }
        return parts.isEmpty() ? "learner, no team yet" : String.join(", ", parts);
    }
}
