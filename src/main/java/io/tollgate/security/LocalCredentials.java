package io.tollgate.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Issues and resets local credentials. Callers check who may do so; this class only changes the rows. */
@ApplicationScoped
public class LocalCredentials {

    /**
     * Gives a person a new one-time password that must be changed at the next sign-in, and ends their sessions.
     * Returns the password: it is shown once and never stored in clear.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issueOneTimePassword(Person person) {
        String password = Secrets.oneTimePassword();
        setPassword(person, password, true);
        return password;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setPassword(Person person, String password, boolean mustChange) {
        LocalCredential credential = LocalCredential.<LocalCredential>findByIdOptional(person.id).orElseGet(() -> {
            LocalCredential created = new LocalCredential();
            created.personId = person.id;
            return created;
        });
        credential.passwordHash = BcryptUtil.bcryptHash(password);
        credential.mustChangePassword = mustChange;
        credential.failedAttempts = 0;
        credential.lockedUntil = null;
        credential.persist();
        person.sessionEpoch++;
    }

    /** Forgets the person's authenticator and recovery codes: they enrol again at the next sign-in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resetMfa(Person person) {
        LocalCredential.<LocalCredential>findByIdOptional(person.id).ifPresent(credential -> {
            credential.totpSecret = null;
            credential.totpEnrolledAt = null;
        });
        RecoveryCode.deleteAllOf(person.id);
        person.sessionEpoch++;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasLocalSignIn(long personId) {
        return LocalCredential.ofPerson(personId).isPresent();
    }
}
