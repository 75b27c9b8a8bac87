-- Scorecard history: a snapshot whenever an input of a team's scorecard changes and once a day.

CREATE TABLE scorecard_snapshot (
    id              BIGINT PRIMARY KEY,
    team_id         BIGINT      NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    environment_id  BIGINT      NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    taken_at        TIMESTAMPTZ NOT NULL,
    cause           VARCHAR(20) NOT NULL CHECK (cause IN ('IMPORT', 'FINDING_STATUS', 'TRAINING', 'DAILY')),
    score           DOUBLE PRECISION,
    incomplete      BOOLEAN     NOT NULL,
    level           VARCHAR(6)  CHECK (level IN ('BRONZE', 'SILVER', 'GOLD')),
    vulnerabilities DOUBLE PRECISION,
    controls        DOUBLE PRECISION,
    training        DOUBLE PRECISION,
    freshness       DOUBLE PRECISION
);
CREATE SEQUENCE scorecard_snapshot_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX scorecard_snapshot_scope ON scorecard_snapshot (team_id, environment_id, taken_at DESC);
CREATE INDEX scorecard_snapshot_time ON scorecard_snapshot (taken_at);

-- One row per day of the daily snapshot job: the instance that inserts it runs the job, the others skip it.
CREATE TABLE scorecard_daily_run (
    day         DATE         PRIMARY KEY,
    instance    VARCHAR(200) NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL
);
