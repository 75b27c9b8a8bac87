package io.tollgate.ci.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.ci.CiConfig;
import io.tollgate.ci.CiToken;
import io.tollgate.ci.Delivery;
import io.tollgate.ci.SigningSecret;
import io.tollgate.ci.TokenScope;
import io.tollgate.ci.service.CiViews.DeliveryView;
import io.tollgate.ci.service.CiViews.IssuedSecret;
import io.tollgate.ci.service.CiViews.IssuedToken;
import io.tollgate.ci.service.CiViews.SecretView;
import io.tollgate.ci.service.CiViews.TokenView;
import io.tollgate.ci.service.CredentialDrafts.SecretDraft;
import io.tollgate.ci.service.CredentialDrafts.TokenDraft;
import io.tollgate.org.Membership;
import io.tollgate.org.Team;
import io.tollgate.org.service.TeamService;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.ForbiddenException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.InvalidInputException;
import io.tollgate.platform.NotFoundException;
import io.tollgate.platform.PageRequest;
import io.tollgate.platform.Paged;
import io.tollgate.security.SealedColumn;
import io.tollgate.security.Sealing;
import io.tollgate.security.Secrets;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A team's CI credentials: API tokens (random, shown once, kept as SHA-256, scoped, expiring, revocable) and
 * webhook signing secrets (shown once, kept sealed, rotated with an overlap). Team members see them and the
 * deliveries; leads and security admins create and revoke them.
 */
@ApplicationScoped
public class CredentialService {

    /** The prefix that makes a Tollgate token recognisable, e.g. to secret scanners. */
    public static final String TOKEN_PREFIX = "tgt_";
    private static final int MAX_OVERLAP_HOURS = 24 * 30;
    private static final String SEAL_CONTEXT = "ci-signing-secret:";
    /** Signing secrets move to the current sealing key after a rotation of the session secret. */
    @Produces
    static final SealedColumn SEALED_SIGNING_SECRETS = new SealedColumn("ci_signing_secret", "id", "sealed", SEAL_CONTEXT, "team_id");

    private final TeamService teams;
    private final AuditLog audit;
    private final InputValidator validator;
    private final Sealing sealing;
    private final CiConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CredentialService(TeamService teams, AuditLog audit, InputValidator validator, Sealing sealing, CiConfig config, Clock clock) {
        this.teams = teams;
        this.audit = audit;
        this.validator = validator;
        this.sealing = sealing;
        this.config = config;
        this.clock = clock;
    }

    /** Whether the viewer may create and revoke the team's credentials. */
    @Transactional(Transactional.TxType.SUPPORTS)
    /** What the team's CI page shows, with the team looked up once. */
    public record Overview(boolean canManage, Paged<TokenView> tokens, Paged<SecretView> secrets,
                           Paged<DeliveryView> deliveries) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(Viewer viewer, String team, PageRequest tokenPage, PageRequest secretPage,
                             PageRequest deliveryPage) {
        Team visible = teams.visibleTeam(viewer, team);
        Instant now = Instant.now(clock);
        return new Overview(viewer.isSecurityAdmin() || Membership.isLead(visible.id, viewer.personId()),
                tokensOf(visible, tokenPage, now), secretsOf(visible, secretPage, now), deliveriesOf(visible, deliveryPage));
    }

    @Transactional
    public IssuedToken createToken(Viewer viewer, String team, TokenDraft draft) {
        Team owner = managed(viewer, team);
        validator.check(draft);
        Set<TokenScope> scopes = scopes(draft.scopes());
        int days = draft.expiresInDays() == null ? config.tokenDays() : draft.expiresInDays();
        if (days < 1 || days > config.tokenMaxDays()) {
            throw new InvalidInputException("expiresInDays", "must be between 1 and " + config.tokenMaxDays());
        }
        String value = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        Instant now = Instant.now(clock);
        CiToken token = new CiToken();
        token.team = owner;
        token.name = draft.name().strip();
        token.tokenHash = Secrets.sha256Hex(value);
        token.hint = value.substring(0, TOKEN_PREFIX.length() + 4);
        token.scopeUpload = scopes.contains(TokenScope.UPLOAD);
        token.scopeGate = scopes.contains(TokenScope.GATE);
        token.createdBy = viewer.email();
        token.createdAt = now;
        token.expiresAt = now.plus(Duration.ofDays(days));
        token.persist();
        audit.record(viewer, "ci.token-created", "ci_token", Long.toString(token.id), null,
                Map.of("team", owner.slug, "name", token.name, "scopes", scopes.stream().map(s -> s.id).toList(),
                        "expiresAt", token.expiresAt.toString()));
        return new IssuedToken(TokenView.of(token, now), value);
    }

    @Transactional
    public TokenView revokeToken(Viewer viewer, String team, long id) {
        Team owner = managed(viewer, team);
        CiToken token = CiToken.<CiToken>findByIdOptional(id).filter(t -> t.team.id.equals(owner.id))
                .orElseThrow(() -> new NotFoundException("Token", id));
        if (token.revokedAt != null) {
            throw new ConflictException("token", "was already revoked");
        }
        token.revokedAt = Instant.now(clock);
        token.revokedBy = viewer.email();
        audit.record(viewer, "ci.token-revoked", "ci_token", Long.toString(token.id), Map.of("state", "ACTIVE"),
                Map.of("state", "REVOKED", "team", owner.slug, "name", token.name));
        return TokenView.of(token, token.revokedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<TokenView> tokens(Viewer viewer, String team, PageRequest page) {
        return tokensOf(teams.visibleTeam(viewer, team), page, Instant.now(clock));
    }

    private static Paged<TokenView> tokensOf(Team team, PageRequest page, Instant now) {
        return Paged.of(CiToken.ofTeam(team, page.panache()).stream().map(t -> TokenView.of(t, now)).toList(), page,
                CiToken.countOfTeam(team));
    }

    /**
     * Creates a signing secret. The team's other valid secrets stay valid until the end of the overlap (or until
     * revoked), so that pipelines can switch without a failed delivery.
     */
    @Transactional
    public IssuedSecret createSecret(Viewer viewer, String team, SecretDraft draft) {
        Team owner = managed(viewer, team);
        validator.check(draft);
        long overlapHours = draft.previousValidHours() == null ? config.rotationOverlap().toHours() : draft.previousValidHours();
        if (overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
            throw new InvalidInputException("previousValidHours", "must be between 0 and " + MAX_OVERLAP_HOURS);
        }
        Instant now = Instant.now(clock);
        Instant end = now.plus(Duration.ofHours(overlapHours));
        for (SigningSecret previous : SigningSecret.usable(owner, now)) {
            if (previous.validUntil == null || previous.validUntil.isAfter(end)) {
                previous.validUntil = end;
            }
        }
        String value = WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(randomBytes());
        SigningSecret secret = new SigningSecret();
        secret.team = owner;
        secret.name = draft.name().strip();
        secret.sealed = sealing.seal(value.getBytes(StandardCharsets.UTF_8), sealContext(owner));
        secret.hint = value.substring(0, WebhookSignature.SECRET_PREFIX.length() + 4);
        secret.createdBy = viewer.email();
        secret.createdAt = now;
        secret.persist();
        audit.record(viewer, "ci.secret-created", "ci_signing_secret", Long.toString(secret.id), null,
                Map.of("team", owner.slug, "name", secret.name, "previousValidUntil", end.toString()));
        return new IssuedSecret(SecretView.of(secret, now), value);
    }

    @Transactional
    public SecretView revokeSecret(Viewer viewer, String team, long id) {
        Team owner = managed(viewer, team);
        SigningSecret secret = SigningSecret.<SigningSecret>findByIdOptional(id).filter(s -> s.team.id.equals(owner.id))
                .orElseThrow(() -> new NotFoundException("Signing secret", id));
        if (secret.revokedAt != null) {
            throw new ConflictException("secret", "was already revoked");
        }
        secret.revokedAt = Instant.now(clock);
        secret.revokedBy = viewer.email();
        audit.record(viewer, "ci.secret-revoked", "ci_signing_secret", Long.toString(secret.id), null,
                Map.of("state", "REVOKED", "team", owner.slug, "name", secret.name));
        return SecretView.of(secret, secret.revokedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<SecretView> secrets(Viewer viewer, String team, PageRequest page) {
        return secretsOf(teams.visibleTeam(viewer, team), page, Instant.now(clock));
    }

    private static Paged<SecretView> secretsOf(Team team, PageRequest page, Instant now) {
        return Paged.of(SigningSecret.ofTeam(team, page.panache()).stream().map(s -> SecretView.of(s, now)).toList(), page,
                SigningSecret.countOfTeam(team));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paged<DeliveryView> deliveries(Viewer viewer, String team, PageRequest page) {
        return deliveriesOf(teams.visibleTeam(viewer, team), page);
    }

    private static Paged<DeliveryView> deliveriesOf(Team team, PageRequest page) {
        return Paged.of(Delivery.recent(team, page.panache()).stream().map(DeliveryView::of).toList(), page,
                Delivery.countOfTeam(team));
    }

    /** The token with this value, if one was issued. */
    Optional<CiToken> tokenByValue(String value) {
        return value.startsWith(TOKEN_PREFIX) ? CiToken.findByHash(Secrets.sha256Hex(value)) : Optional.empty();
    }

    /**
     * The value of a signing secret, unsealed for the HMAC check; empty when it was sealed under a session secret
     * that is no longer configured, neither as TOLLGATE_SECURITY_SESSION_SECRET nor among the previous ones.
     */
    Optional<String> unseal(SigningSecret secret) {
        return sealing.open(secret.sealed, sealContext(secret.team)).map(v -> new String(v, StandardCharsets.UTF_8));
    }

    private static String sealContext(Team team) {
        return SEAL_CONTEXT + team.id;
    }

    private Team managed(Viewer viewer, String team) {
        Team visible = teams.visibleTeam(viewer, team);
        if (!viewer.isSecurityAdmin() && !Membership.isLead(visible.id, viewer.personId())) {
            throw new ForbiddenException("Only the team's leads and security admins manage its CI credentials");
        }
        return visible;
    }

    private static Set<TokenScope> scopes(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("scopes", "name at least one of " + String.join(", ", CiViews.scopeIds()));
        }
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String id : ids) {
            scopes.add(TokenScope.byId(id == null ? "" : id.strip()).orElseThrow(() -> new InvalidInputException("scopes",
                    "'" + id + "' is not a scope; use " + String.join(", ", CiViews.scopeIds()))));
        }
        return scopes;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
