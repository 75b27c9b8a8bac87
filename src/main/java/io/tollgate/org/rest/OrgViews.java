package io.tollgate.org.rest;

import io.tollgate.org.AwsAccount;
import io.tollgate.org.Component;
import io.tollgate.org.Environment;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.org.Team;
import io.tollgate.org.TeamRole;

import java.time.Instant;
import java.util.Set;

/** The JSON shapes of the organisation API; entities never leave the server as they are. */
public final class OrgViews {

    private OrgViews() {
    }

    public record EnvironmentView(String key, String name, int position, boolean production) {
        static EnvironmentView of(Environment e) {
            return new EnvironmentView(e.key, e.name, e.position, e.production);
        }
    }

    public record TeamView(String slug, String name, String description, Instant createdAt) {
        static TeamView of(Team t) {
            return new TeamView(t.slug, t.name, t.description, t.createdAt);
        }
    }

    public record PersonView(long id, String email, String displayName, Set<GlobalRole> roles, boolean active,
                             Instant joinedAt, Instant lastSignInAt) {
        static PersonView of(Person p) {
            return new PersonView(p.id, p.email, p.displayName, p.roles(), p.active, p.joinedAt, p.lastSignInAt);
        }
    }

    public record MemberView(long personId, String email, String displayName, TeamRole role, Instant joinedAt) {
        static MemberView of(Membership m) {
            return new MemberView(m.person.id, m.person.email, m.person.displayName, m.role, m.joinedAt);
        }
    }

    public record TeamMembershipView(String team, String teamName, TeamRole role) {
        static TeamMembershipView of(Membership m) {
            return new TeamMembershipView(m.team.slug, m.team.name, m.role);
        }
    }

    public record AccountView(String accountId, String name, String team, String environment, String roleArn,
                              boolean hasExternalId, String organizationalUnit, Instant createdAt) {
        static AccountView of(AwsAccount a) {
            return new AccountView(a.accountId, a.name, a.team.slug, a.environment.key, a.roleArn,
                    a.externalId != null, a.organizationalUnit, a.createdAt);
        }
    }

    public record ComponentView(String key, String name, Component.Kind kind, String environment) {
        static ComponentView of(Component c) {
            return new ComponentView(c.key, c.name, c.kind, c.environment.key);
        }
    }
}
