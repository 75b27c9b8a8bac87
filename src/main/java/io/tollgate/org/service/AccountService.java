package io.tollgate.org.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.AwsAccount;
import io.tollgate.org.Component;
import io.tollgate.org.Environment;
import io.tollgate.org.Team;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS accounts. The talk's rule "one AWS account per environment" holds here: an account id is bound to exactly
 * one team and one environment, and registering it anywhere else is refused.
 */
@ApplicationScoped
public class AccountService {

    private final InputValidator validator;
    private final TeamService teams;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(InputValidator validator, TeamService teams, AuditLog audit, Clock clock) {
        this.validator = validator;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /** Filters of the account list; empty values match everything. */
    public record AccountQuery(String team, String environment) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<AwsAccount> search(Viewer viewer, AccountQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.team() != null && !query.team().isBlank()) {
            Team team = teams.visibleTeam(viewer, query.team());
            where.append(" and a.team.id = :team");
            parameters.put("team", team.id);
        } else if (!viewer.readsAllTeams()) {
            where.append(" and exists (from Membership m where m.team = a.team and m.person.id = :viewer)");
            parameters.put("viewer", viewer.personId());
        }
        if (query.environment() != null && !query.environment().isBlank()) {
            where.append(" and a.environment.key = :environment");
            parameters.put("environment", query.environment());
        }
        var list = AwsAccount.find("from AwsAccount a join fetch a.team join fetch a.environment where " + where
                + " order by a.team.name, a.environment.position, a.accountId", parameters).page(page.panache()).list();
        long total = AwsAccount.count("from AwsAccount a where " + where, parameters);
        return Paged.of(list.stream().map(AwsAccount.class::cast).toList(), page, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AwsAccount get(Viewer viewer, String accountId) {
        // Members of other teams get the same "not found" as for an account that does not exist.
        return AwsAccount.findByAccountId(accountId).filter(account -> teams.sees(viewer, account.team))
                .orElseThrow(() -> new NotFoundException("Account", accountId));
    }

    @Transactional
    public AwsAccount register(Viewer viewer, AccountDraft draft) {
        TeamService.requireAdmin(viewer, "register AWS accounts");
        validator.check(draft);
        Team team = Team.findBySlug(draft.team())
                .orElseThrow(() -> new InvalidInputException("team", "no team with slug '" + draft.team() + "'"));
        Environment environment = Environment.findByKey(draft.environment())
                .orElseThrow(() -> new InvalidInputException("environment", "no environment '" + draft.environment() + "'"));
        AwsAccount.findByAccountId(draft.accountId()).ifPresent(existing -> {
            throw new ConflictException("accountId", "account " + existing.accountId + " is already bound to team '"
                    + existing.team.slug + "' in environment '" + existing.environment.key
                    + "'; use one AWS account per environment");
        });
        AwsAccount account = new AwsAccount();
        account.accountId = draft.accountId();
        account.team = team;
        account.environment = environment;
        account.createdAt = Instant.now(clock);
        applyDetails(account, draft);
        account.persist();

        Component component = new Component();
        component.team = team;
        component.environment = environment;
        component.kind = Component.Kind.ACCOUNT;
        component.key = Component.Kind.ACCOUNT.keyPrefix + account.accountId;
        component.name = account.name;
        component.createdAt = account.createdAt;
        component.persist();

        audit.record(viewer, "account.registered", "account", account.accountId, null, state(account));
        return account;
    }

    /** Changes name and collector settings. Team and environment stay: moving to production goes through the gate. */
    @Transactional
    public AwsAccount update(Viewer viewer, String accountId, AccountDraft draft) {
        TeamService.requireAdmin(viewer, "change AWS accounts");
        validator.check(draft);
        AwsAccount account = AwsAccount.findByAccountId(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
        if (!draft.accountId().equals(accountId)) {
            throw new InvalidInputException("accountId", "an account id cannot change; register the other account instead");
        }
        if (!draft.team().equals(account.team.slug) || !draft.environment().equals(account.environment.key)) {
            throw new ConflictException("environment", "account " + accountId + " is bound to team '" + account.team.slug
                    + "' in environment '" + account.environment.key + "'; it moves only through a promotion");
        }
        Map<String, Object> before = state(account);
        applyDetails(account, draft);
        audit.record(viewer, "account.updated", "account", account.accountId, before, state(account));
        return account;
    }

    @Transactional
    public void remove(Viewer viewer, String accountId) {
        TeamService.requireAdmin(viewer, "remove AWS accounts");
        AwsAccount account = AwsAccount.findByAccountId(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
        Map<String, Object> before = state(account);
        Component.ofAccount(account).ifPresent(Component::delete);
        account.delete();
        audit.record(viewer, "account.removed", "account", accountId, before, null);
    }

    private static void applyDetails(AwsAccount account, AccountDraft draft) {
        account.name = draft.name().strip();
        account.roleArn = TeamService.blankToNull(draft.roleArn());
        account.externalId = TeamService.blankToNull(draft.externalId());
        account.organizationalUnit = TeamService.blankToNull(draft.organizationalUnit());
    }

    private static Map<String, Object> state(AwsAccount account) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("accountId", account.accountId);
        state.put("name", account.name);
        state.put("team", account.team.slug);
        state.put("environment", account.environment.key);
        state.put("roleArn", account.roleArn);
        state.put("organizationalUnit", account.organizationalUnit);
        return state;
    }
}
