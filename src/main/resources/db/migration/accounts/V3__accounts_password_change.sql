-- A password an administrator made (a new officer's, or a reset) is known to two people: the officer must replace it
-- with their own before anything else (PasswordChangeFirst).
ALTER TABLE accounts.officer_logins ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
