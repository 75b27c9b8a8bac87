-- Append-only audit log: rows are inserted, never updated or deleted.

CREATE TABLE audit_event (
    id           BIGINT PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor_id     BIGINT,
    actor        VARCHAR(254) NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    subject_type VARCHAR(32)  NOT NULL,
    subject      VARCHAR(300) NOT NULL,
    before_state TEXT,
    after_state  TEXT
);
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX audit_event_time ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
