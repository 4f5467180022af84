-- An officer's second factor: the key of an authenticator app (TOTP, RFC 6238), sealed with the master key like every
-- secret we keep; the last time step accepted, so that a code seen over a shoulder is not accepted a second time, on
-- any node; and single-use recovery codes for a lost phone, kept as hashes only.
CREATE TABLE accounts.second_factors (
    officer_id     BIGINT      PRIMARY KEY REFERENCES accounts.officer_logins (officer_id) ON DELETE CASCADE,
    key_sealed     BYTEA       NOT NULL,
    last_time_step BIGINT      NOT NULL DEFAULT 0,
    added_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE accounts.recovery_codes (
    officer_id BIGINT NOT NULL REFERENCES accounts.second_factors (officer_id) ON DELETE CASCADE,
    code_hash  TEXT   NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (officer_id, code_hash)
);
