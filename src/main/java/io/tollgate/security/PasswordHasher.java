package io.tollgate.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Password hashes: Argon2id (PHC string format) with the configured parameters. Argon2 reads the whole password,
 * unlike bcrypt, which ignores bytes past the 72nd. bcrypt hashes from before still verify; the caller stores a
 * new hash when {@link Check#renew()} says so. Every check costs one hash computation, also for an unknown or
 * throttled account ({@link #checkNothing(String)}), so that the time of the answer tells nothing.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** The result of a check: whether the password matched, and whether its hash should be made again. */
    public record Check(boolean matches, boolean renew) {
    }

    private final Argon2Function argon2;
    private final String dummyHash;
    private final Counter checks;

    PasswordHasher(SecurityConfig config, MeterRegistry registry) {
        SecurityConfig.Argon2 parameters = config.argon2();
        this.argon2 = Argon2Function.getInstance(parameters.memoryKib(), parameters.iterations(), parameters.parallelism(),
                HASH_BYTES, Argon2.ID);
        this.dummyHash = hash("tollgate-timing-equaliser");
        this.checks = Counter.builder("tollgate.sign_in.password_checks")
                .description("Password hash computations of sign-ins and password changes").register(registry);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    public Check check(String password, String storedHash) {
        checks.increment();
        String given = password == null ? "" : password;
        if (storedHash.startsWith("$2")) {
            return new Check(BcryptUtil.matches(given, storedHash), true);
        }
        Argon2Function stored = Argon2Function.getInstanceFromHash(storedHash);
        return new Check(Password.check(given, storedHash).with(stored), !stored.equals(argon2));
    }

    /** Spends the time of a check when there is no hash to compare against; never matches. */
    public void checkNothing(String password) {
        check(password, dummyHash);
    }
}
