-- Imported scans and the findings they report, with one lifecycle per finding.

CREATE TABLE scan (
    id              BIGINT PRIMARY KEY,
    team_id         BIGINT       NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    environment_id  BIGINT       NOT NULL REFERENCES environment (id),
    component_id    BIGINT       REFERENCES component (id) ON DELETE CASCADE,
    -- The scope of the lifecycle: findings absent from a full scan of this component and tool become FIXED.
    tool            VARCHAR(100) NOT NULL,
    format          VARCHAR(40),
    mode            VARCHAR(10)  NOT NULL CHECK (mode IN ('FULL', 'PARTIAL')),
    commit_sha      VARCHAR(64),
    branch          VARCHAR(255),
    pipeline_url    VARCHAR(2048),
    file_name       VARCHAR(255),
    uploaded_by     VARCHAR(254) NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    outcome         VARCHAR(10)  NOT NULL CHECK (outcome IN ('IMPORTED', 'REFUSED')),
    error_position  VARCHAR(200),
    error_reason    VARCHAR(2000),
    bytes           BIGINT,
    duration_ms     BIGINT,
    records         INT NOT NULL DEFAULT 0,
    new_count       INT NOT NULL DEFAULT 0,
    reopened_count  INT NOT NULL DEFAULT 0,
    fixed_count     INT NOT NULL DEFAULT 0,
    unchanged_count INT NOT NULL DEFAULT 0,
    suppressed_count INT NOT NULL DEFAULT 0,
    passed_checks   INT NOT NULL DEFAULT 0,
    open_critical   INT NOT NULL DEFAULT 0,
    open_high       INT NOT NULL DEFAULT 0,
    open_medium     INT NOT NULL DEFAULT 0,
    open_low        INT NOT NULL DEFAULT 0,
    open_info       INT NOT NULL DEFAULT 0
);
CREATE SEQUENCE scan_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX scan_team_time ON scan (team_id, received_at DESC);
CREATE INDEX scan_component_tool ON scan (component_id, tool, received_at DESC);

CREATE TABLE finding (
    id               BIGINT PRIMARY KEY,
    team_id          BIGINT       NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    environment_id   BIGINT       NOT NULL REFERENCES environment (id),
    component_id     BIGINT       NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    tool             VARCHAR(100) NOT NULL,
    fingerprint      VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'FIXED', 'FALSE_POSITIVE', 'RISK_ACCEPTED')),
    suppressed       BOOLEAN      NOT NULL DEFAULT FALSE,
    suppression_reason VARCHAR(2000),
    severity         VARCHAR(10)  NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO')),
    -- For sorting and keyset pagination by severity, most severe first.
    severity_rank    INT GENERATED ALWAYS AS (CASE severity WHEN 'CRITICAL' THEN 5 WHEN 'HIGH' THEN 4
                         WHEN 'MEDIUM' THEN 3 WHEN 'LOW' THEN 2 ELSE 1 END) STORED,
    title            VARCHAR(500) NOT NULL,
    reported_by      VARCHAR(100),
    rule_id          VARCHAR(300),
    cwe_ids          INT[]        NOT NULL DEFAULT '{}',
    owasp_category   VARCHAR(8),
    sas_id           VARCHAR(6),
    practice         VARCHAR(40),
    control_id       VARCHAR(60),
    check_id         VARCHAR(300),
    file_path        VARCHAR(1000),
    line             INT,
    resource         VARCHAR(2048),
    package_name     VARCHAR(300),
    package_version  VARCHAR(100),
    fixed_version    VARCHAR(300),
    vulnerability_ids TEXT[]      NOT NULL DEFAULT '{}',
    description      TEXT,
    remediation      TEXT,
    reference_urls   TEXT[]       NOT NULL DEFAULT '{}',
    tool_identity    VARCHAR(500),
    secret_masked    VARCHAR(20),
    secret_hash      VARCHAR(64),
    first_seen_at    TIMESTAMPTZ  NOT NULL,
    last_seen_at     TIMESTAMPTZ  NOT NULL,
    fixed_at         TIMESTAMPTZ,
    times_reopened   INT          NOT NULL DEFAULT 0,
    first_scan_id    BIGINT       NOT NULL,
    last_scan_id     BIGINT       NOT NULL,
    sla_due_at       TIMESTAMPTZ,
    status_reason    VARCHAR(2000),
    status_changed_by VARCHAR(254),
    status_changed_at TIMESTAMPTZ,
    UNIQUE (component_id, tool, fingerprint)
) WITH (fillfactor = 70); -- room on each page, so that re-imports update rows in place (HOT)
CREATE SEQUENCE finding_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX finding_team_env_status ON finding (team_id, environment_id, status, severity_rank DESC, id DESC);
CREATE INDEX finding_owasp ON finding (owasp_category) WHERE owasp_category IS NOT NULL;

-- What happened to a finding after its detection (first_seen_at, first_scan_id): fixed, reopened, and changes
-- made by people.
CREATE TABLE finding_event (
    id          BIGINT PRIMARY KEY,
    finding_id  BIGINT      NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    scan_id     BIGINT,
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        VARCHAR(20) NOT NULL CHECK (kind IN ('FIXED', 'REOPENED', 'STATUS_CHANGED')),
    actor       VARCHAR(254),
    detail      VARCHAR(2000)
);
CREATE SEQUENCE finding_event_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX finding_event_finding ON finding_event (finding_id, occurred_at);

-- Results of account checks, passed or failed, as imported or collected.
CREATE TABLE control_evaluation (
    id             BIGINT PRIMARY KEY,
    scan_id        BIGINT       NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
    team_id        BIGINT       NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    environment_id BIGINT       NOT NULL REFERENCES environment (id),
    component_id   BIGINT       NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    control_id     VARCHAR(60),
    check_id       VARCHAR(300) NOT NULL,
    resource       VARCHAR(2048),
    passed         BOOLEAN      NOT NULL,
    evaluated_at   TIMESTAMPTZ  NOT NULL
);
CREATE SEQUENCE control_evaluation_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX control_evaluation_scope ON control_evaluation (component_id, control_id, evaluated_at DESC);
