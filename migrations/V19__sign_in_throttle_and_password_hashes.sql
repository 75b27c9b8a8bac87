-- Sign-in throttling replaces the per-account lock-out: failures are counted per client address and per
-- (account, client address) in the database, so that every instance sees the same counts. The key names the
-- dimension and carries a hash of the normalised e-mail address, never the address itself.
CREATE TABLE sign_in_throttle (
    throttle_key      VARCHAR(120) PRIMARY KEY,
    failures          INT          NOT NULL,
    window_started_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sign_in_throttle_window ON sign_in_throttle (window_started_at);

ALTER TABLE local_credential DROP COLUMN failed_attempts;
ALTER TABLE local_credential DROP COLUMN locked_until;
-- Argon2id in PHC format is longer than bcrypt; people who sign in through single sign-on and enrol Tollgate's
-- authenticator have a row without a password.
ALTER TABLE local_credential ALTER COLUMN password_hash TYPE VARCHAR(255);
ALTER TABLE local_credential ALTER COLUMN password_hash DROP NOT NULL;
-- TOTP secrets are sealed (AES-GCM, "sealed:" and base64); plain ones are sealed at the next start.
ALTER TABLE local_credential ALTER COLUMN totp_secret TYPE VARCHAR(255);

-- Recovery codes were 50-bit codes kept as plain SHA-256; the new ones carry 99 bits and are kept as an HMAC under
-- a key derived from the session secret. The old unused codes are withdrawn: people keep their authenticator, and a
-- security admin's authenticator reset hands out new codes at the next enrolment.
DELETE FROM recovery_code;
