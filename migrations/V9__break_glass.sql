-- Break-glass: a security admin's recorded, single-use pass of one failed gate decision. Append-only.

CREATE TABLE gate_break_glass (
    id             BIGINT PRIMARY KEY,
    evaluation_id  BIGINT        NOT NULL UNIQUE REFERENCES gate_evaluation (id),
    reason         VARCHAR(2000) NOT NULL CHECK (length(reason) >= 20),
    granted_by     VARCHAR(254)  NOT NULL,
    granted_at     TIMESTAMPTZ   NOT NULL
);
CREATE SEQUENCE gate_break_glass_seq START WITH 1 INCREMENT BY 50;

CREATE TRIGGER gate_break_glass_no_change BEFORE UPDATE OR DELETE ON gate_break_glass
    FOR EACH ROW EXECUTE FUNCTION gate_evaluation_is_immutable();
