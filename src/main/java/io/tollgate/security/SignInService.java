package io.tollgate.security;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The local sign-in: password, then (after a forced password change and authenticator enrolment where needed)
 * a TOTP or recovery code; and a signed-in person's change of their own password. Failed passwords and codes are
 * counted by {@link SignInThrottle}; a throttled attempt is refused without being checked, with the same message.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SignInRefusedException.class)
public class SignInService {

    static final int RECOVERY_CODES = 10;
    private static final String WRONG_CREDENTIALS = "E-mail address or password is wrong.";
    private static final String WRONG_CODE = "That code is not right.";
    private static final String RECOVERY_CONTEXT = "recovery-code";

    private final TotpAuthenticator totp;
    private final LocalCredentials credentials;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final Sealing sealing;
    private final AuditLog audit;
    private final SecurityConfig config;
    private final SecurityEvents events;
    private final Clock clock;

    SignInService(TotpAuthenticator totp, LocalCredentials credentials, PasswordHasher hasher, PasswordPolicy policy,
                  SignInThrottle throttle, Sealing sealing, AuditLog audit, SecurityConfig config, SecurityEvents events,
                  Clock clock) {
        this.totp = totp;
        this.credentials = credentials;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.sealing = sealing;
        this.audit = audit;
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    /** An authenticator being set up: the secret as text and as a QR code. */
    public record Enrollment(String secret, String uri, String qrCodeSvg) {
    }

    /** Who is signing in and which stage comes next. */
    public record Step(Person person, SignInStage next) {
    }

    /**
     * Checks the password and says which stage comes next. An unknown account, a wrong password and a throttled
     * attempt get the same message and cost the same one hash computation.
     */
    public Step checkPassword(String email, String password, String clientAddress) {
        Optional<Person> person = Person.findByEmail(email == null ? "" : email.strip()).filter(p -> p.active);
        Optional<LocalCredential> credential = person.flatMap(p -> LocalCredential.ofPerson(p.id))
                .filter(LocalCredential::hasPassword);
        Optional<Duration> wait = throttle.waitFor(email, clientAddress);
        if (wait.isPresent()) {
            hasher.checkNothing(password);
            events.failure("sign-in.throttled", SecurityEvents.email(email), "password not checked");
            throw new SignInThrottledException(WRONG_CREDENTIALS, wait.get());
        }
        if (credential.isEmpty()) {
            hasher.checkNothing(password);
            throttle.recordFailure(email, clientAddress);
            events.failure("sign-in.password", SecurityEvents.email(email), "no such active local account");
            throw new SignInRefusedException(WRONG_CREDENTIALS);
        }
        LocalCredential local = credential.get();
        PasswordHasher.Check check = hasher.check(password, local.passwordHash);
        if (!check.matches()) {
            throttle.recordFailure(email, clientAddress);
            events.failure("sign-in.password", SecurityEvents.person(person.get().id), "wrong password");
            throw new SignInRefusedException(WRONG_CREDENTIALS);
        }
        if (check.renew()) {
            local.passwordHash = hasher.hash(password);
        }
        return new Step(person.get(), nextStage(local));
    }

    public Person person(long personId) {
        return Person.<Person>findByIdOptional(personId).filter(p -> p.active)
                .orElseThrow(() -> new SignInRefusedException("This sign-in is no longer valid; start again."));
    }

    /** The forced change of a one-time password during sign-in. */
    public Step changePassword(long personId, String password, String confirmation) {
        Person person = person(personId);
        LocalCredential local = credential(personId);
        refuseNewPassword(person, password, confirmation);
        if (hasher.check(password, local.passwordHash).matches()) {
            throw new SignInRefusedException("Choose a password other than the one-time password.");
        }
        credentials.setPassword(person, password, false);
        return new Step(person, nextStage(local));
    }

    /**
     * A signed-in person changes their own password, proving it is them with the current password and an
     * authenticator code. The new password is checked first, so that a refused one does not use up the code.
     * Their other sessions end.
     */
    public Person changeOwnPassword(Viewer viewer, OwnPasswordChange change, String clientAddress) {
        Person person = person(viewer.personId());
        LocalCredential local = LocalCredential.ofPerson(person.id).filter(LocalCredential::hasPassword)
                .orElseThrow(() -> new SignInRefusedException("You sign in through single sign-on: change your password there."));
        refuseNewPassword(person, change.password(), change.confirmation());
        refuseIfThrottled(person, clientAddress);
        boolean passwordMatches = hasher.check(change.currentPassword(), local.passwordHash).matches();
        OptionalLong step = credentials.totpSecret(local).filter(s -> local.mfaEnrolled())
                .map(s -> totp.acceptedStep(s, change.code(), local.lastTotpStep, Instant.now(clock)))
                .orElse(OptionalLong.empty());
        if (!passwordMatches || step.isEmpty()) {
            throttle.recordFailure(person.email, clientAddress);
            events.failure("password.change", SecurityEvents.person(person.id), "wrong current password or code");
            throw new SignInRefusedException("The current password or the authenticator code is not right.");
        }
        if (change.password().equals(change.currentPassword())) {
            throw new SignInRefusedException("Choose a password other than your current one.");
        }
        local.lastTotpStep = step.getAsLong();
        credentials.setPassword(person, change.password(), false);
        events.success("password.change", SecurityEvents.person(person.id), null);
        audit.record(viewer, "person.password-changed", "person", person.email, null, null);
        return person;
    }

    /**
     * Asks a signed-in person to prove it is still them before a sensitive change (ending sessions): their current
     * password or an authenticator code, which is then used up. Failures count towards the throttle. Someone who
     * signs in only through single sign-on has neither here and is not asked.
     */
    public void confirmIdentity(Viewer viewer, String proof, String clientAddress) {
        Person person = person(viewer.personId());
        Optional<LocalCredential> local = LocalCredential.ofPerson(person.id);
        boolean hasPassword = local.filter(LocalCredential::hasPassword).isPresent();
        boolean hasAuthenticator = local.filter(LocalCredential::mfaEnrolled).isPresent();
        if (!hasPassword && !hasAuthenticator) {
            return;
        }
        refuseIfThrottled(person, clientAddress);
        String given = proof == null ? "" : proof;
        if (hasPassword && hasher.check(given, local.get().passwordHash).matches()) {
            return;
        }
        OptionalLong step = hasAuthenticator ? credentials.totpSecret(local.get())
                .map(s -> totp.acceptedStep(s, given, local.get().lastTotpStep, Instant.now(clock)))
                .orElse(OptionalLong.empty()) : OptionalLong.empty();
        if (step.isEmpty()) {
            throttle.recordFailure(person.email, clientAddress);
            throw new SignInRefusedException("Your password or the authenticator code is not right.");
        }
        local.get().lastTotpStep = step.getAsLong();
    }

    /** What a person types to change their own password. */
    public record OwnPasswordChange(String currentPassword, String code, String password, String confirmation) {
    }

    /** The authenticator to enrol; the same secret is shown until enrolment succeeds. */
    public Enrollment enrollment(long personId) {
        Person person = person(personId);
        LocalCredential local = credentials.of(person);
        if (local.mfaEnrolled()) {
            throw new SignInRefusedException("An authenticator is already enrolled.");
        }
        String secret = credentials.totpSecret(local).orElseGet(() -> {
            String fresh = totp.newSecret();
            credentials.storeTotpSecret(local, fresh);
            return fresh;
        });
        String uri = totp.provisioningUri(config.totpIssuer(), person.email, secret);
        return new Enrollment(secret, uri, totp.qrCodeSvg(uri));
    }

    /** Confirms the authenticator with a first code and returns fresh recovery codes (shown once). */
    public List<String> confirmEnrollment(long personId, String code, String clientAddress) {
        Person person = person(personId);
        LocalCredential local = credentials.of(person);
        refuseIfThrottled(person, clientAddress);
        Optional<String> secret = credentials.totpSecret(local);
        if (local.mfaEnrolled() || secret.isEmpty()) {
            throw new SignInRefusedException("Start the authenticator set-up again.");
        }
        OptionalLong step = totp.acceptedStep(secret.get(), code, local.lastTotpStep, Instant.now(clock));
        if (step.isEmpty()) {
            throttle.recordFailure(person.email, clientAddress);
            events.failure("sign-in.enrol", SecurityEvents.person(person.id), "wrong authenticator code");
            throw new SignInRefusedException("That code is not right. Check the time on your phone and try the next code.");
        }
        local.lastTotpStep = step.getAsLong();
        local.totpEnrolledAt = Instant.now(clock);
        return newRecoveryCodes(personId);
    }

    /** Checks an authenticator code, or else a recovery code (which is then used up). */
    public void verifyCode(long personId, String code, String clientAddress) {
        Person person = person(personId);
        LocalCredential local = credentials.of(person);
        refuseIfThrottled(person, clientAddress);
        if (!local.mfaEnrolled()) {
            throw new SignInRefusedException("Enrol an authenticator first.");
        }
        OptionalLong step = credentials.totpSecret(local)
                .map(s -> totp.acceptedStep(s, code, local.lastTotpStep, Instant.now(clock))).orElse(OptionalLong.empty());
        if (step.isPresent()) {
            local.lastTotpStep = step.getAsLong();
            return;
        }
        Optional<RecoveryCode> recovery = RecoveryCode.unusedOf(personId, sealing.keyedHashes(normalizeRecoveryCode(code),
                RECOVERY_CONTEXT + "|" + personId));
        if (recovery.isPresent()) {
            recovery.get().usedAt = Instant.now(clock);
            events.success("sign-in.recovery-code-used", SecurityEvents.person(personId), null);
            return;
        }
        throttle.recordFailure(person.email, clientAddress);
        events.failure("sign-in.code", SecurityEvents.person(personId), "wrong authenticator or recovery code");
        throw new SignInRefusedException(WRONG_CODE);
    }

    /** Which stage a person who signed in through single sign-on without the provider's MFA goes to. */
    public SignInStage authenticatorStage(long personId) {
        return credentials.of(person(personId)).mfaEnrolled() ? SignInStage.VERIFY : SignInStage.ENROLL;
    }

    /** Records the successful sign-in; the caller then issues the session. */
    public Person complete(long personId, String clientAddress) {
        Person person = person(personId);
        throttle.forgive(person.email, clientAddress);
        person.lastSignInAt = Instant.now(clock);
        events.success("sign-in", SecurityEvents.person(personId), null);
        return person;
    }

    public int unusedRecoveryCodes(long personId) {
        return RecoveryCode.unusedOf(personId).size();
    }

    /**
     * Codes of 25 characters from a 31-character alphabet: 123 bits, enough (ASVS 6.5.2 asks for 112) for a keyed
     * hash without a per-code salt, which is all that is kept.
     */
    private List<String> newRecoveryCodes(long personId) {
        RecoveryCode.deleteAllOf(personId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = Secrets.typeable(5, 5);
            RecoveryCode row = new RecoveryCode();
            row.personId = personId;
            row.codeHash = sealing.keyedHash(normalizeRecoveryCode(code), RECOVERY_CONTEXT + "|" + personId);
            row.persist();
            codes.add(code);
        }
        return codes;
    }

    /** Case, spaces and hyphens do not matter when a recovery code is typed. */
    private static String normalizeRecoveryCode(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private void refuseNewPassword(Person person, String password, String confirmation) {
        Optional<String> problem = policy.problem(password, person);
        if (problem.isPresent()) {
            throw new SignInRefusedException(problem.get());
        }
        if (!password.equals(confirmation)) {
            throw new SignInRefusedException("The two passwords differ.");
        }
    }

    private void refuseIfThrottled(Person person, String clientAddress) {
        Optional<Duration> wait = throttle.waitFor(person.email, clientAddress);
        if (wait.isPresent()) {
            events.failure("sign-in.throttled", SecurityEvents.person(person.id), "code not checked");
            throw new SignInThrottledException("Too many failed attempts from where you are. Try again in "
                    + Math.max(1, wait.get().toMinutes() + 1) + " minutes.", wait.get());
        }
    }

    private LocalCredential credential(long personId) {
        return LocalCredential.ofPerson(personId).filter(LocalCredential::hasPassword)
                .orElseThrow(() -> new SignInRefusedException("This account signs in through single sign-on."));
    }

    private SignInStage nextStage(LocalCredential local) {
        if (local.mustChangePassword) {
            return SignInStage.CHANGE_PASSWORD;
        }
        return local.mfaEnrolled() ? SignInStage.VERIFY : SignInStage.ENROLL;
    }
}
