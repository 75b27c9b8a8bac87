package io.tollgate.org.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.GlobalRole;
import io.tollgate.org.Membership;
import io.tollgate.org.Person;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.LocalCredentials;
import io.tollgate.security.Sessions;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** People and their global roles. Security admins manage them; managers may read the list. */
@ApplicationScoped
public class PersonService {

    private final InputValidator validator;
    private final LocalCredentials credentials;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    PersonService(InputValidator validator, LocalCredentials credentials, Sessions sessions, AuditLog audit, Clock clock) {
        this.validator = validator;
        this.credentials = credentials;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new person and the one-time password to hand them (shown once). */
    public record Invitation(Person person, String oneTimePassword) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<Person> search(Viewer viewer, String text, PageRequest page) {
        if (!viewer.readsAllTeams()) {
            throw new ForbiddenException("Only managers and security admins list people");
        }
        return Paged.of(Person.search(text, page.panache()), page, Person.countMatching(text));
    }

    /** A person: anyone may read themselves; managers and security admins read everyone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Person get(Viewer viewer, long id) {
        if (viewer.personId() != id && !viewer.readsAllTeams()) {
            throw new NotFoundException("Person", id);
        }
        return Person.<Person>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Person", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> memberships(Viewer viewer, long id) {
        return Membership.ofPerson(get(viewer, id));
    }

    @Transactional
    public Invitation invite(Viewer viewer, PersonDraft draft) {
        TeamService.requireAdmin(viewer, "add people");
        validator.check(draft);
        String email = draft.email().strip();
        if (Person.findByEmail(email).isPresent()) {
            throw new ConflictException("email", "a person with e-mail address '" + email + "' already exists");
        }
        Person person = new Person();
        person.email = email;
        person.displayName = draft.displayName().strip();
        person.joinedAt = Instant.now(clock);
        person.assignRoles(draft.roles());
        person.persist();
        String password = credentials.issueOneTimePassword(person);
        audit.record(viewer, "person.created", "person", person.email, null, state(person));
        return new Invitation(person, password);
    }

    @Transactional
    public Person update(Viewer viewer, long id, String displayName, Set<GlobalRole> roles, Boolean active) {
        TeamService.requireAdmin(viewer, "change people");
        Person person = Person.<Person>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Person", id));
        Map<String, Object> before = state(person);
        if (displayName != null) {
            if (displayName.isBlank() || displayName.length() > 120) {
                throw new InvalidInputException("displayName", "must be 1 to 120 characters");
            }
            person.displayName = displayName.strip();
        }
        if (roles != null) {
            if (person.securityAdmin && !roles.contains(GlobalRole.SECURITY_ADMIN)) {
                refuseRemovingLastAdmin(person);
            }
            person.assignRoles(roles);
        }
        if (active != null && active != person.active) {
            if (!active) {
                refuseRemovingLastAdmin(person);
                person.sessionEpoch++;
            }
            person.active = active;
        }
        Map<String, Object> after = state(person);
        if (!after.equals(before)) {
            audit.record(viewer, "person.updated", "person", person.email, before, after);
        }
        return person;
    }

    /** Issues a new one-time password and, when asked, forgets the authenticator too. */
    @Transactional
    public String resetSignIn(Viewer viewer, long id, boolean resetMfa) {
        TeamService.requireAdmin(viewer, "reset sign-in");
        Person person = Person.<Person>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Person", id));
        String password = credentials.issueOneTimePassword(person);
        if (resetMfa) {
            credentials.resetMfa(person);
        }
        audit.record(viewer, resetMfa ? "person.sign-in-and-mfa-reset" : "person.password-reset", "person",
                person.email, null, null);
        return password;
    }

    /** Signs a person out everywhere (a stolen laptop, a leaver): every session and half-finished sign-in ends. */
    @Transactional
    public Person endSessions(Viewer viewer, long id) {
        TeamService.requireAdmin(viewer, "end someone's sessions");
        Person person = Person.<Person>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Person", id));
        sessions.endAllOf(person);
        audit.record(viewer, "person.sessions-ended", "person", person.email, null, null);
        return person;
    }

    /**
     * Signs everyone out, the caller included (a suspected breach): every session and half-finished sign-in ends.
     * Returns how many sessions were live.
     */
    @Transactional
    public long endEveryonesSessions(Viewer viewer) {
        TeamService.requireAdmin(viewer, "end everyone's sessions");
        long ended = sessions.endEveryones();
        audit.record(viewer, "session.ended-everyone", "person", "*", null, Map.of("sessions", ended));
        return ended;
    }

    private static void refuseRemovingLastAdmin(Person person) {
        if (person.securityAdmin && person.active && Person.countActiveSecurityAdmins() <= 1) {
            throw new ConflictException("roles", "this is the last active security admin; make someone else one first");
        }
    }

    static Map<String, Object> state(Person person) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", person.email);
        state.put("displayName", person.displayName);
        Set<String> roles = new TreeSet<>();
        person.roles().forEach(r -> roles.add(r.name()));
        state.put("roles", roles);
        state.put("active", person.active);
        return state;
    }
}
