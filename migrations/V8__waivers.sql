-- Waivers: a time-limited exception to one control or policy condition of a team, approved by a security admin
-- other than the person who asked for it.

CREATE TABLE waiver (
    id            BIGINT PRIMARY KEY,
    team_id       BIGINT        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    kind          VARCHAR(10)   NOT NULL CHECK (kind IN ('CONTROL', 'CONDITION')),
    subject       VARCHAR(100)  NOT NULL,
    reason        VARCHAR(2000) NOT NULL CHECK (length(reason) >= 20),
    state         VARCHAR(10)   NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'DENIED', 'REVOKED')),
    expires_at    TIMESTAMPTZ   NOT NULL,
    requested_by  BIGINT        NOT NULL REFERENCES person (id),
    requested_at  TIMESTAMPTZ   NOT NULL,
    decided_by    BIGINT        REFERENCES person (id),
    decided_at    TIMESTAMPTZ,
    CONSTRAINT waiver_decided_by_other CHECK (state NOT IN ('APPROVED', 'DENIED') OR decided_by <> requested_by)
);
CREATE SEQUENCE waiver_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX waiver_team ON waiver (team_id, state, expires_at);
