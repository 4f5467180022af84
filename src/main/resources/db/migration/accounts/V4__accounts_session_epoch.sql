-- Sessions live in each node's memory, but an officer who leaves, whose password was reset or changed, or whose role
-- changed must be signed out on every node. Such a change moves the officer's epoch on, in its own transaction; each
-- node compares a session's epoch (read at sign-in) with this one before serving it (SessionEpochs).
ALTER TABLE accounts.officer_logins ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
