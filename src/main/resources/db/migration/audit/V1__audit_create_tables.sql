CREATE SCHEMA IF NOT EXISTS audit;

-- The audit log: append-only, each entry chained to the one before by SHA-256 (see AuditHashing).
-- Ids are handed out under the chain head's row lock, so they run 1, 2, 3 … without gaps: a gap is a deleted entry.
CREATE TABLE audit.entries (
    id          BIGINT       PRIMARY KEY,
    recorded_at TIMESTAMPTZ  NOT NULL,
    actor       TEXT         NOT NULL,
    officer_id  BIGINT,
    action      VARCHAR(32)  NOT NULL,
    subject     TEXT,
    detail      TEXT,
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL
);
CREATE INDEX entries_subject_idx ON audit.entries (subject, id);
CREATE INDEX entries_officer_idx ON audit.entries (officer_id, id);

-- The end of the chain: one row, locked by every writer, so entries are chained one after another across nodes.
-- It also lets the verifier notice entries cut off the end.
CREATE TABLE audit.chain_head (
    singleton BOOLEAN  PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit.chain_head (singleton, last_id, last_hash) VALUES (TRUE, 0, repeat('0', 64));

-- Nothing rewrites or removes an entry through the application's SQL. Someone with superuser rights can still switch
-- the trigger off; the hash chain is what catches that.
CREATE FUNCTION audit.refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON audit.entries
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON audit.entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
