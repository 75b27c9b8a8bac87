-- CI integration: per-team API tokens (kept as SHA-256 only), webhook signing secrets (sealed with AES-GCM, since
-- HMAC needs the secret itself) and the webhook deliveries with the response each one got, for idempotent retries.

CREATE TABLE ci_token (
    id            BIGINT PRIMARY KEY,
    team_id       BIGINT       NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name          VARCHAR(100) NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL UNIQUE,
    hint          VARCHAR(20)  NOT NULL,
    scope_upload  BOOLEAN      NOT NULL,
    scope_gate    BOOLEAN      NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    revoked_by    VARCHAR(254),
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ,
    CHECK (scope_upload OR scope_gate)
);
CREATE SEQUENCE ci_token_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX ci_token_team ON ci_token (team_id, created_at DESC);

CREATE TABLE ci_signing_secret (
    id            BIGINT PRIMARY KEY,
    team_id       BIGINT       NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name          VARCHAR(100) NOT NULL,
    sealed        BYTEA        NOT NULL,
    hint          VARCHAR(20)  NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    valid_until   TIMESTAMPTZ,
    revoked_by    VARCHAR(254),
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);
CREATE SEQUENCE ci_signing_secret_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX ci_signing_secret_team ON ci_signing_secret (team_id, created_at DESC);

CREATE TABLE ci_delivery (
    id                 BIGINT PRIMARY KEY,
    team_id            BIGINT        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    delivery_id        VARCHAR(200)  NOT NULL,
    credential         VARCHAR(200)  NOT NULL,
    state              VARCHAR(12)   NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    received_at        TIMESTAMPTZ   NOT NULL,
    finished_at        TIMESTAMPTZ,
    environment        VARCHAR(100),
    component          VARCHAR(500),
    commit_sha         VARCHAR(64),
    gate_environment   VARCHAR(100),
    status             INT,
    passed             BOOLEAN,
    scan_id            BIGINT,
    verdict            VARCHAR(25),
    error              VARCHAR(2000),
    response           TEXT,
    UNIQUE (team_id, delivery_id)
);
CREATE SEQUENCE ci_delivery_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX ci_delivery_team ON ci_delivery (team_id, received_at DESC, id DESC);
