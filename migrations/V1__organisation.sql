-- Teams, people, environments, AWS accounts and components: the organisation every other feature hangs off.

CREATE TABLE environment (
    id          BIGINT PRIMARY KEY,
    key         VARCHAR(32)  NOT NULL UNIQUE,
    name        VARCHAR(80)  NOT NULL,
    position    INT          NOT NULL UNIQUE,
    production  BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE SEQUENCE environment_seq START WITH 1 INCREMENT BY 50;

-- Only one environment may be flagged as production.
CREATE UNIQUE INDEX environment_single_production ON environment (production) WHERE production;

INSERT INTO environment (id, key, name, position, production) VALUES
    (nextval('environment_seq'), 'dev', 'Development', 10, FALSE);
INSERT INTO environment (id, key, name, position, production) VALUES
    (nextval('environment_seq'), 'staging', 'Staging', 20, FALSE);
INSERT INTO environment (id, key, name, position, production) VALUES
    (nextval('environment_seq'), 'uat', 'User acceptance', 30, FALSE);
INSERT INTO environment (id, key, name, position, production) VALUES
    (nextval('environment_seq'), 'prod', 'Production', 40, TRUE);

CREATE TABLE team (
    id          BIGINT PRIMARY KEY,
    slug        VARCHAR(40)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(500),
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE SEQUENCE team_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE person (
    id            BIGINT PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    joined_at     TIMESTAMPTZ  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    manager       BOOLEAN      NOT NULL DEFAULT FALSE,
    security_admin BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Raised to invalidate every session cookie issued before (sign out everywhere, password reset, deactivation).
    session_epoch INT          NOT NULL DEFAULT 0,
    external_subject VARCHAR(255) UNIQUE,
    last_sign_in_at TIMESTAMPTZ
);
CREATE SEQUENCE person_seq START WITH 1 INCREMENT BY 50;
CREATE UNIQUE INDEX person_email_lower ON person (lower(email));

CREATE TABLE membership (
    id         BIGINT PRIMARY KEY,
    team_id    BIGINT      NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    person_id  BIGINT      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role       VARCHAR(16) NOT NULL CHECK (role IN ('MEMBER', 'LEAD')),
    joined_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (team_id, person_id)
);
CREATE SEQUENCE membership_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX membership_person ON membership (person_id);

CREATE TABLE aws_account (
    id               BIGINT PRIMARY KEY,
    -- The talk's rule "one AWS account per environment": an account id is bound to exactly one team and environment.
    account_id       VARCHAR(12)  NOT NULL UNIQUE CHECK (account_id ~ '^[0-9]{12}$'),
    name             VARCHAR(120) NOT NULL,
    team_id          BIGINT       NOT NULL REFERENCES team (id),
    environment_id   BIGINT       NOT NULL REFERENCES environment (id),
    role_arn         VARCHAR(2048),
    external_id      VARCHAR(1224),
    organizational_unit VARCHAR(68),
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE SEQUENCE aws_account_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX aws_account_team ON aws_account (team_id, environment_id);

CREATE TABLE component (
    id             BIGINT PRIMARY KEY,
    team_id        BIGINT       NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    environment_id BIGINT       NOT NULL REFERENCES environment (id),
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('REPOSITORY', 'ACCOUNT')),
    key            VARCHAR(300) NOT NULL,
    name           VARCHAR(120) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (team_id, environment_id, key)
);
CREATE SEQUENCE component_seq START WITH 1 INCREMENT BY 50;
