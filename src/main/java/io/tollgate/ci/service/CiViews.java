package io.tollgate.ci.service;

import io.tollgate.ci.CiToken;
import io.tollgate.ci.Delivery;
import io.tollgate.ci.SigningSecret;
import io.tollgate.ci.TokenScope;

import java.time.Instant;
import java.util.List;

/** The CI credentials and deliveries as the API and the page show them: never a secret, once it was shown. */
public final class CiViews {

    private CiViews() {
    }

    /** A token without its value; {@code state} is ACTIVE, EXPIRED or REVOKED. */
    public record TokenView(long id, String team, String name, String hint, List<String> scopes, String state,
                            String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt,
                            Instant lastUsedAt) {
        static TokenView of(CiToken t, Instant now) {
            String state = t.revokedAt != null ? "REVOKED" : t.usableAt(now) ? "ACTIVE" : "EXPIRED";
            return new TokenView(t.id, t.team.slug, t.name, t.hint, t.scopes().stream().map(s -> s.id).toList(), state,
                    t.createdBy, t.createdAt, t.expiresAt, t.revokedAt, t.lastUsedAt);
        }

        public boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    /** A new token: its value is in this answer only. */
    public record IssuedToken(TokenView token, String value) {
    }

    /**
     * A signing secret without its value; {@code state} is CURRENT, ROTATING (still valid until {@code validUntil}),
     * EXPIRED or REVOKED.
     */
    public record SecretView(long id, String team, String name, String hint, String state, String createdBy,
                             Instant createdAt, Instant validUntil, Instant revokedAt, Instant lastUsedAt) {
        static SecretView of(SigningSecret s, Instant now) {
            String state = s.revokedAt != null ? "REVOKED" : !s.usableAt(now) ? "EXPIRED" : s.validUntil == null ? "CURRENT" : "ROTATING";
            return new SecretView(s.id, s.team.slug, s.name, s.hint, state, s.createdBy, s.createdAt, s.validUntil,
                    s.revokedAt, s.lastUsedAt);
        }

        public boolean usable() {
            return "CURRENT".equals(state) || "ROTATING".equals(state);
        }
    }

    /** A new signing secret: its value is in this answer only. */
    public record IssuedSecret(SecretView secret, String value) {
    }

    /** One webhook delivery and how it ended. */
    public record DeliveryView(String deliveryId, String credential, Delivery.State state, Instant receivedAt,
                               Instant finishedAt, String environment, String component, String commit,
                               String gateEnvironment, Integer status, Boolean passed, Long scanId, String verdict,
                               String error) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.deliveryId, d.credential, d.state, d.receivedAt, d.finishedAt, d.environment,
                    d.component, d.commit, d.gateEnvironment, d.status, d.passed, d.scanId, d.verdict, d.error);
        }
    }

    static List<String> scopeIds() {
        return java.util.Arrays.stream(TokenScope.values()).map(s -> s.id).toList();
    }
}
