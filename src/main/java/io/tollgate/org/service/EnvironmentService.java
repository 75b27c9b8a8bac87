package io.tollgate.org.service;

import io.tollgate.audit.AuditLog;
import io.tollgate.org.Environment;
import io.tollgate.platform.ConflictException;
import io.tollgate.platform.InputValidator;
import io.tollgate.platform.NotFoundException;
import io.tollgate.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The promotion path. Everyone reads it; security admins add and change environments. */
@ApplicationScoped
public class EnvironmentService {

    private final InputValidator validator;
    private final AuditLog audit;

    EnvironmentService(InputValidator validator, AuditLog audit) {
        this.validator = validator;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Environment> promotionPath() {
        return Environment.inPromotionOrder();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Environment get(String key) {
        return Environment.findByKey(key).orElseThrow(() -> new NotFoundException("Environment", key));
    }

    @Transactional
    public Environment create(Viewer viewer, EnvironmentDraft draft) {
        TeamService.requireAdmin(viewer, "add environments");
        validator.check(draft);
        if (Environment.findByKey(draft.key()).isPresent()) {
            throw new ConflictException("key", "an environment with key '" + draft.key() + "' already exists");
        }
        Environment environment = new Environment();
        apply(environment, draft, null);
        environment.persist();
        audit.record(viewer, "environment.created", "environment", environment.key, null, state(environment));
        return environment;
    }

    @Transactional
    public Environment update(Viewer viewer, String key, EnvironmentDraft draft) {
        TeamService.requireAdmin(viewer, "change environments");
        validator.check(draft);
        Environment environment = get(key);
        if (!draft.key().equals(key) && Environment.findByKey(draft.key()).isPresent()) {
            throw new ConflictException("key", "an environment with key '" + draft.key() + "' already exists");
        }
        Map<String, Object> before = state(environment);
        apply(environment, draft, environment.id);
        audit.record(viewer, "environment.updated", "environment", environment.key, before, state(environment));
        return environment;
    }

    private static void apply(Environment environment, EnvironmentDraft draft, Long self) {
        for (Environment other : Environment.inPromotionOrder()) {
            if (other.id.equals(self)) {
                continue;
            }
            if (other.position == draft.position()) {
                throw new ConflictException("position", "position " + draft.position() + " is taken by '" + other.key + "'");
            }
            if (draft.production() && other.production) {
                throw new ConflictException("production", "'" + other.key + "' is already the production environment");
            }
        }
        environment.key = draft.key();
        environment.name = draft.name().strip();
        environment.position = draft.position();
        environment.production = draft.production();
    }

    private static Map<String, Object> state(Environment environment) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("key", environment.key);
        state.put("name", environment.name);
        state.put("position", environment.position);
        state.put("production", environment.production);
        return state;
    }
}
