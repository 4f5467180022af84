CREATE SCHEMA IF NOT EXISTS knowledge;

-- One procedure (thủ tục) or officer-approved answer (câu trả lời). Its content lives in revisions, so that every
-- change is kept and residents only ever see an approved one.
CREATE TABLE knowledge.entries (
    id         BIGSERIAL PRIMARY KEY,
    slug       VARCHAR(120) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('PROCEDURE', 'ANSWER')),
    topic      VARCHAR(24)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

-- A version of an entry. PENDING_REVIEW → APPROVED (the published one; the previous becomes SUPERSEDED) or REJECTED.
CREATE TABLE knowledge.revisions (
    id                     BIGSERIAL PRIMARY KEY,
    entry_id               BIGINT      NOT NULL REFERENCES knowledge.entries (id),
    number                 INTEGER     NOT NULL,
    status                 VARCHAR(16) NOT NULL
        CHECK (status IN ('PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
    title                  TEXT        NOT NULL,
    questions              TEXT        NOT NULL DEFAULT '',
    summary                TEXT        NOT NULL,
    audience               TEXT        NOT NULL DEFAULT '',
    documents              TEXT        NOT NULL DEFAULT '',
    steps                  TEXT        NOT NULL DEFAULT '',
    submission             TEXT        NOT NULL DEFAULT '',
    time_limit             TEXT        NOT NULL DEFAULT '',
    fee                    TEXT        NOT NULL DEFAULT '',
    legal_basis            TEXT        NOT NULL DEFAULT '',
    change_note            TEXT        NOT NULL DEFAULT '',
    proposed_by_officer_id BIGINT,
    proposed_by_name       TEXT        NOT NULL,
    proposed_at            TIMESTAMPTZ NOT NULL,
    decided_by_officer_id  BIGINT,
    decided_by_name        TEXT,
    decision_note          TEXT,
    decided_at             TIMESTAMPTZ,
    reviewed_on            DATE,
    UNIQUE (entry_id, number)
);
CREATE UNIQUE INDEX revisions_one_published_idx ON knowledge.revisions (entry_id) WHERE status = 'APPROVED';
CREATE UNIQUE INDEX revisions_one_pending_idx ON knowledge.revisions (entry_id) WHERE status = 'PENDING_REVIEW';
CREATE INDEX revisions_pending_queue_idx ON knowledge.revisions (proposed_at) WHERE status = 'PENDING_REVIEW';
