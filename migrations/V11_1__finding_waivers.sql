-- Waivers on one finding: while approved and active the finding is RISK_ACCEPTED. "Until fixed" waivers end when
-- the finding is fixed (still bounded by the maximum expiry). Waivers that ended on their own are stored as EXPIRED.

ALTER TABLE waiver DROP CONSTRAINT waiver_kind_check;
ALTER TABLE waiver ADD CONSTRAINT waiver_kind_check CHECK (kind IN ('CONTROL', 'CONDITION', 'FINDING'));
ALTER TABLE waiver DROP CONSTRAINT waiver_state_check;
ALTER TABLE waiver ADD CONSTRAINT waiver_state_check
    CHECK (state IN ('REQUESTED', 'APPROVED', 'DENIED', 'REVOKED', 'EXPIRED'));
ALTER TABLE waiver ADD COLUMN finding_id BIGINT REFERENCES finding (id) ON DELETE CASCADE;
ALTER TABLE waiver ADD COLUMN until_fixed BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE waiver ADD CONSTRAINT waiver_finding CHECK ((kind = 'FINDING') = (finding_id IS NOT NULL));
ALTER TABLE waiver ADD CONSTRAINT waiver_until_fixed CHECK (NOT until_fixed OR kind = 'FINDING');
CREATE INDEX waiver_finding_active ON waiver (finding_id) WHERE kind = 'FINDING' AND state = 'APPROVED';

-- A waiver that ends after its finding was fixed (or marked a false positive) leaves the status alone but is noted.
ALTER TABLE finding_event DROP CONSTRAINT finding_event_kind_check;
ALTER TABLE finding_event ADD CONSTRAINT finding_event_kind_check
    CHECK (kind IN ('FIXED', 'REOPENED', 'STATUS_CHANGED', 'WAIVER_ENDED'));
