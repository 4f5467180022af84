CREATE SCHEMA IF NOT EXISTS accounts;

-- Sign-in credentials of officers. The officer (name, unit, role) lives in the directory.
CREATE TABLE accounts.officer_logins (
    username        VARCHAR(64) PRIMARY KEY,
    officer_id      BIGINT      NOT NULL UNIQUE,
    password_hash   TEXT        NOT NULL,
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    last_sign_in_at TIMESTAMPTZ
);
