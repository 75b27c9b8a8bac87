package io.tollgate.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The local sign-in: password, then (after a forced password change and authenticator enrolment where needed)
 * a TOTP or recovery code. Every failed password or code counts towards a temporary lock-out of the account.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SignInRefusedException.class)
public class SignInService {

    static final int RECOVERY_CODES = 10;
    private static final String WRONG_CREDENTIALS = "E-mail address or password is wrong.";
    /** Compared against when the e-mail address is unknown, so that the answer takes as long either way. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("tollgate-timing-equaliser");

    private final TotpAuthenticator totp;
    private final LocalCredentials credentials;
    private final SecurityConfig config;
    private final Clock clock;

    SignInService(TotpAuthenticator totp, LocalCredentials credentials, SecurityConfig config, Clock clock) {
        this.totp = totp;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
    }

    /** An authenticator being set up: the secret as text and as a QR code. */
    public record Enrollment(String secret, String uri, String qrCodeSvg) {
    }

    /** Who is signing in and which stage comes next. */
    public record Step(Person person, SignInStage next) {
    }

    /** Checks the password and says which stage comes next. */
    public Step checkPassword(String email, String password) {
        Optional<Person> person = Person.findByEmail(email == null ? "" : email.strip()).filter(p -> p.active);
        Optional<LocalCredential> credential = person.flatMap(p -> LocalCredential.ofPerson(p.id));
        if (credential.isEmpty()) {
            BcryptUtil.matches(password == null ? "" : password, DUMMY_HASH);
            throw new SignInRefusedException(WRONG_CREDENTIALS);
        }
        LocalCredential local = credential.get();
        refuseIfLocked(local);
        if (password == null || !BcryptUtil.matches(password, local.passwordHash)) {
            countFailure(local);
            throw new SignInRefusedException(WRONG_CREDENTIALS);
        }
        return new Step(person.get(), nextStage(local));
    }

    public Person person(long personId) {
        return Person.<Person>findByIdOptional(personId).filter(p -> p.active)
                .orElseThrow(() -> new SignInRefusedException("This sign-in is no longer valid; start again."));
    }

    public Step changePassword(long personId, String password, String confirmation) {
        Person person = person(personId);
        LocalCredential local = credential(personId);
        if (password == null || password.length() < config.minPasswordLength()) {
            throw new SignInRefusedException("Choose a password of at least " + config.minPasswordLength() + " characters.");
        }
        if (password.length() > 128) {
            throw new SignInRefusedException("Choose a password of at most 128 characters.");
        }
        if (!password.equals(confirmation)) {
            throw new SignInRefusedException("The two passwords differ.");
        }
        if (BcryptUtil.matches(password, local.passwordHash)) {
            throw new SignInRefusedException("Choose a password other than the one-time password.");
        }
        credentials.setPassword(person, password, false);
        return new Step(person, nextStage(local));
    }

    /** The authenticator to enrol; the same secret is shown until enrolment succeeds. */
    public Enrollment enrollment(long personId) {
        Person person = person(personId);
        LocalCredential local = credential(personId);
        if (local.mfaEnrolled()) {
            throw new SignInRefusedException("An authenticator is already enrolled.");
        }
        if (local.totpSecret == null) {
            local.totpSecret = totp.newSecret();
        }
        String uri = totp.provisioningUri(config.totpIssuer(), person.email, local.totpSecret);
        return new Enrollment(local.totpSecret, uri, totp.qrCodeSvg(uri));
    }

    /** Confirms the authenticator with a first code and returns fresh recovery codes (shown once). */
    public List<String> confirmEnrollment(long personId, String code) {
        LocalCredential local = credential(personId);
        refuseIfLocked(local);
        if (local.mfaEnrolled() || local.totpSecret == null) {
            throw new SignInRefusedException("Start the authenticator set-up again.");
        }
        OptionalLong step = totp.acceptedStep(local.totpSecret, code, local.lastTotpStep, Instant.now(clock));
        if (step.isEmpty()) {
            countFailure(local);
            throw new SignInRefusedException("That code is not right. Check the time on your phone and try the next code.");
        }
        local.lastTotpStep = step.getAsLong();
        local.totpEnrolledAt = Instant.now(clock);
        return newRecoveryCodes(personId);
    }

    /** Checks an authenticator code, or else a recovery code (which is then used up). */
    public void verifyCode(long personId, String code) {
        LocalCredential local = credential(personId);
        refuseIfLocked(local);
        if (!local.mfaEnrolled()) {
            throw new SignInRefusedException("Enrol an authenticator first.");
        }
        OptionalLong step = totp.acceptedStep(local.totpSecret, code, local.lastTotpStep, Instant.now(clock));
        if (step.isPresent()) {
            local.lastTotpStep = step.getAsLong();
            return;
        }
        String normalized = code == null ? "" : code.strip().toLowerCase();
        for (RecoveryCode recovery : RecoveryCode.unusedOf(personId)) {
            if (Secrets.sameHash(recovery.codeHash, normalized)) {
                recovery.usedAt = Instant.now(clock);
                return;
            }
        }
        countFailure(local);
        throw new SignInRefusedException("That code is not right.");
    }

    /** Records the successful sign-in; the caller then issues the session. */
    public Person complete(long personId) {
        Person person = person(personId);
        LocalCredential local = credential(personId);
        local.failedAttempts = 0;
        person.lastSignInAt = Instant.now(clock);
        return person;
    }

    public int unusedRecoveryCodes(long personId) {
        return RecoveryCode.unusedOf(personId).size();
    }

    private List<String> newRecoveryCodes(long personId) {
        RecoveryCode.deleteAllOf(personId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = Secrets.typeable(2, 5);
            RecoveryCode row = new RecoveryCode();
            row.personId = personId;
            row.codeHash = Secrets.sha256Hex(code);
            row.persist();
            codes.add(code);
        }
        return codes;
    }

    private LocalCredential credential(long personId) {
        return LocalCredential.ofPerson(personId)
                .orElseThrow(() -> new SignInRefusedException("This account signs in through single sign-on."));
    }

    private SignInStage nextStage(LocalCredential local) {
        if (local.mustChangePassword) {
            return SignInStage.CHANGE_PASSWORD;
        }
        return local.mfaEnrolled() ? SignInStage.VERIFY : SignInStage.ENROLL;
    }

    private void refuseIfLocked(LocalCredential local) {
        Instant now = Instant.now(clock);
        if (local.lockedAt(now)) {
            throw new SignInRefusedException("Too many failed attempts. Try again after "
                    + DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(local.lockedUntil) + ".");
        }
    }

    private void countFailure(LocalCredential local) {
        local.failedAttempts++;
        if (local.failedAttempts >= config.maxFailedAttempts()) {
            local.failedAttempts = 0;
            local.lockedUntil = Instant.now(clock).plus(config.lockout());
        }
    }
}
