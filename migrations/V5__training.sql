-- Training: what is assigned to whom, every quiz attempt, and the lesson completions that passing attempts earn.
-- Lessons and curricula are text files in content/; rows refer to them by id.

CREATE TABLE training_assignment (
    id            BIGINT PRIMARY KEY,
    curriculum_id VARCHAR(80),
    lesson_id     VARCHAR(80),
    team_id       BIGINT       REFERENCES team (id) ON DELETE CASCADE,
    person_id     BIGINT       REFERENCES person (id) ON DELETE CASCADE,
    due_on        DATE         NOT NULL,
    mandatory     BOOLEAN      NOT NULL,
    -- The team assignment a person received when they joined the team after it was made.
    origin_id     BIGINT       REFERENCES training_assignment (id) ON DELETE CASCADE,
    assigned_by   VARCHAR(254) NOT NULL,
    assigned_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT training_assignment_one_item CHECK ((curriculum_id IS NULL) <> (lesson_id IS NULL)),
    CONSTRAINT training_assignment_one_target CHECK ((team_id IS NULL) <> (person_id IS NULL))
);
CREATE SEQUENCE training_assignment_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX training_assignment_team ON training_assignment (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX training_assignment_person ON training_assignment (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX training_assignment_origin ON training_assignment (origin_id) WHERE origin_id IS NOT NULL;

CREATE TABLE quiz_attempt (
    id             BIGINT PRIMARY KEY,
    person_id      BIGINT       NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    lesson_id      VARCHAR(80)  NOT NULL,
    lesson_version VARCHAR(20)  NOT NULL,
    -- 1 for the first attempt at the lesson, then counting up across versions: retries are counted.
    attempt_number INT          NOT NULL CHECK (attempt_number >= 1),
    -- The options picked, per question: "2;1,3;4" (question 1 picked option 2, question 2 options 1 and 3, ...).
    answers        VARCHAR(500) NOT NULL,
    correct        INT          NOT NULL CHECK (correct >= 0),
    total          INT          NOT NULL CHECK (total > 0 AND correct <= total),
    score          INT          NOT NULL CHECK (score BETWEEN 0 AND 100),
    passed         BOOLEAN      NOT NULL,
    submitted_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (person_id, lesson_id, attempt_number)
);
CREATE SEQUENCE quiz_attempt_seq START WITH 1 INCREMENT BY 50;

-- The first passing attempt per major version of a lesson; a new major version asks for the lesson again.
CREATE TABLE lesson_completion (
    id             BIGINT PRIMARY KEY,
    person_id      BIGINT       NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    lesson_id      VARCHAR(80)  NOT NULL,
    lesson_version VARCHAR(20)  NOT NULL,
    lesson_major   INT          NOT NULL,
    score          INT          NOT NULL CHECK (score BETWEEN 0 AND 100),
    attempts       INT          NOT NULL CHECK (attempts >= 1),
    completed_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (person_id, lesson_id, lesson_major)
);
CREATE SEQUENCE lesson_completion_seq START WITH 1 INCREMENT BY 50;
