package io.tollgate.security;

import io.quarkus.runtime.StartupEvent;
import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues and resets local credentials, and keeps TOTP secrets sealed at rest. Callers check who may do so; this
 * class only changes the rows.
 */
@ApplicationScoped
public class LocalCredentials {

    private static final Logger LOG = Logger.getLogger(LocalCredentials.class);
    /** Marks a sealed TOTP secret; a Base32 secret never contains a colon. */
    static final String SEALED = "sealed:";
    private static final String CONTEXT = "totp-secret|";

    /** The sealed TOTP secrets move to the current key after a rotation like every other sealed value. */
    @Produces
    static final SealedColumn SEALED_TOTP_SECRETS = SealedColumn.text("local_credential", "person_id", "totp_secret", SEALED,
            CONTEXT, "person_id");

    private final PasswordHasher hasher;
    private final Sealing sealing;

    LocalCredentials(PasswordHasher hasher, Sealing sealing) {
        this.hasher = hasher;
        this.sealing = sealing;
    }

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

    /** Sets the password (hashed with Argon2id) and ends the person's sessions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setPassword(Person person, String password, boolean mustChange) {
        LocalCredential credential = of(person);
        credential.passwordHash = hasher.hash(password);
        credential.mustChangePassword = mustChange;
        credential.persist();
        person.sessionEpoch++;
    }

    /** The person's local credential, made without a password when they have none (single sign-on). */
    @Transactional(Transactional.TxType.MANDATORY)
    public LocalCredential of(Person person) {
        return LocalCredential.<LocalCredential>findByIdOptional(person.id).orElseGet(() -> {
            LocalCredential created = new LocalCredential();
            created.personId = person.id;
            created.persist();
            return created;
        });
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

    /** Keeps a TOTP secret (Base32) sealed for this person. */
    public void storeTotpSecret(LocalCredential credential, String secret) {
        credential.totpSecret = SEALED + Base64.getEncoder().encodeToString(
                sealing.seal(secret.getBytes(StandardCharsets.US_ASCII), context(credential)));
    }

    /**
     * The person's TOTP secret in Base32, if one is set and opens under a key of the ring (one sealed under a session
     * secret no longer listed does not: a security admin resets the authenticator). {@link Resealing} moves the
     * secrets to the current key after a rotation.
     */
    public Optional<String> totpSecret(LocalCredential credential) {
        if (credential.totpSecret == null) {
            return Optional.empty();
        }
        if (!credential.totpSecret.startsWith(SEALED)) {
            return Optional.of(credential.totpSecret);
        }
        Optional<String> secret = sealing.open(Base64.getDecoder().decode(credential.totpSecret.substring(SEALED.length())),
                context(credential)).map(b -> new String(b, StandardCharsets.US_ASCII));
        if (secret.isEmpty()) {
            LOG.warnf("The authenticator secret of person %d cannot be unsealed: TOLLGATE_SECURITY_SESSION_SECRET changed"
                    + " since it was set; a security admin resets their authenticator", credential.personId);
        }
        return secret;
    }

    /** Seals the TOTP secrets kept in clear by earlier versions. */
    @Transactional
    void sealPlainSecrets(@Observes StartupEvent event) {
        LocalCredential.<LocalCredential>list("totpSecret is not null and totpSecret not like ?1", SEALED + "%")
                .forEach(credential -> storeTotpSecret(credential, credential.totpSecret));
    }

    private static String context(LocalCredential credential) {
        return CONTEXT + credential.personId;
    }
}
