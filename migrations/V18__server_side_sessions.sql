-- Sessions the server can end, and single-use sign-in stages. Cookies carry only a random 256-bit token; the
-- tables keep its SHA-256, so that a copy of the database opens no session. Every instance reads the same rows:
-- no sticky sessions.

CREATE TABLE web_session (
    id              BIGINT PRIMARY KEY,
    token_hash      VARCHAR(64)  NOT NULL UNIQUE,
    person_id       BIGINT       NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- The person's session epoch at sign-in: raising the epoch ends the session.
    epoch           INT          NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    -- Updated at most about once a minute; the idle timeout counts from it.
    last_used_at    TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ,
    client_agent    VARCHAR(100) NOT NULL,
    client_address  VARCHAR(64)  NOT NULL
);
CREATE SEQUENCE web_session_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX web_session_person ON web_session (person_id);

-- A half-finished sign-in: which stage comes next for whom. A row is deleted when its stage is submitted.
CREATE TABLE pending_sign_in (
    id          BIGINT PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    person_id   BIGINT       NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    epoch       INT          NOT NULL,
    stage       VARCHAR(20)  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);
CREATE SEQUENCE pending_sign_in_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX pending_sign_in_person ON pending_sign_in (person_id);
