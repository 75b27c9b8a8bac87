-- Local sign-in: password hash, TOTP authenticator and one-time recovery codes. People who sign in through
-- OIDC have no row here.

CREATE TABLE local_credential (
    person_id          BIGINT PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    password_hash      VARCHAR(100) NOT NULL,
    must_change_password BOOLEAN    NOT NULL,
    totp_secret        VARCHAR(64),
    totp_enrolled_at   TIMESTAMPTZ,
    -- The last accepted TOTP time step: a code is accepted once.
    last_totp_step     BIGINT       NOT NULL DEFAULT 0,
    failed_attempts    INT          NOT NULL DEFAULT 0,
    locked_until       TIMESTAMPTZ
);

CREATE TABLE recovery_code (
    id         BIGINT PRIMARY KEY,
    person_id  BIGINT      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE SEQUENCE recovery_code_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX recovery_code_person ON recovery_code (person_id);
