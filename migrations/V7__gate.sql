-- Promotion gate decisions: stored once with the policy version and the inputs used, never updated or deleted.

CREATE TABLE gate_evaluation (
    id                    BIGINT PRIMARY KEY,
    team_id               BIGINT       NOT NULL REFERENCES team (id),
    environment_id        BIGINT       NOT NULL REFERENCES environment (id),
    source_environment_id BIGINT       NOT NULL REFERENCES environment (id),
    account_id            VARCHAR(12),
    commit_sha            VARCHAR(64),
    idempotency_key       VARCHAR(100) NOT NULL,
    verdict               VARCHAR(20)  NOT NULL CHECK (verdict IN ('PASS', 'PASS_WITH_WAIVERS', 'FAIL')),
    policy_hash           VARCHAR(140) NOT NULL,
    conditions            TEXT         NOT NULL,
    inputs                TEXT         NOT NULL,
    requested_by          VARCHAR(254) NOT NULL,
    evaluated_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT gate_evaluation_idempotency UNIQUE (team_id, idempotency_key)
);
CREATE SEQUENCE gate_evaluation_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX gate_evaluation_history ON gate_evaluation (team_id, environment_id, evaluated_at DESC);

CREATE FUNCTION gate_evaluation_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'gate_evaluation is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER gate_evaluation_no_change BEFORE UPDATE OR DELETE ON gate_evaluation
    FOR EACH ROW EXECUTE FUNCTION gate_evaluation_is_immutable();
