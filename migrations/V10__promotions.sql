-- Requests to promote an AWS account to the production environment: a lead asks, the gate decides, a security
-- admin confirms, and only then does the account move.

CREATE TABLE promotion_request (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT       NOT NULL REFERENCES aws_account (id) ON DELETE CASCADE,
    from_environment_id BIGINT       NOT NULL REFERENCES environment (id),
    to_environment_id   BIGINT       NOT NULL REFERENCES environment (id),
    state               VARCHAR(25)  NOT NULL CHECK (state IN ('NOT_PASSED', 'AWAITING_CONFIRMATION', 'PROMOTED')),
    evaluation_id       BIGINT       REFERENCES gate_evaluation (id),
    attempts            INT          NOT NULL,
    requested_by        VARCHAR(254) NOT NULL,
    requested_at        TIMESTAMPTZ  NOT NULL,
    confirmed_by        VARCHAR(254),
    confirmed_at        TIMESTAMPTZ
);
CREATE SEQUENCE promotion_request_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX promotion_request_account ON promotion_request (account_id, state);
