-- Runs of Tollgate's own AWS account collector: one row a run, one row per check of a run, so that a run in
-- progress shows which checks are done and a finished run shows each check's outcome and why one was not evaluated.

CREATE TABLE collection_run (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT       NOT NULL REFERENCES aws_account (id) ON DELETE CASCADE,
    status              VARCHAR(12)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    trigger             VARCHAR(12)  NOT NULL CHECK (trigger IN ('SCHEDULE', 'ON_DEMAND')),
    requested_by        VARCHAR(254) NOT NULL,
    queued_at           TIMESTAMPTZ  NOT NULL,
    started_at          TIMESTAMPTZ,
    step                VARCHAR(60),
    finished_at         TIMESTAMPTZ,
    error               VARCHAR(2000),
    scan_id             BIGINT       REFERENCES scan (id) ON DELETE SET NULL,
    securityhub_scan_id BIGINT       REFERENCES scan (id) ON DELETE SET NULL,
    securityhub_error   VARCHAR(2000)
);
CREATE SEQUENCE collection_run_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX collection_run_account ON collection_run (account_id, queued_at DESC);
-- One queued or running collection per account at a time.
CREATE UNIQUE INDEX collection_run_one_active ON collection_run (account_id) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE collection_check (
    id          BIGINT PRIMARY KEY,
    run_id      BIGINT        NOT NULL REFERENCES collection_run (id) ON DELETE CASCADE,
    check_id    VARCHAR(60)   NOT NULL,
    outcome     VARCHAR(16)   NOT NULL CHECK (outcome IN ('PASSED', 'FAILED', 'NOT_EVALUATED')),
    passed      INT           NOT NULL,
    failed      INT           NOT NULL,
    reason      VARCHAR(2000),
    finished_at TIMESTAMPTZ   NOT NULL
);
CREATE SEQUENCE collection_check_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX collection_check_run ON collection_check (run_id, check_id);
