CREATE SCHEMA IF NOT EXISTS reports;

-- A tip (tin báo) from a resident on any channel. Reporter identity is NOT here: see reporter_identities.
CREATE TABLE reports.tips (
    id                  BIGSERIAL PRIMARY KEY,
    code                VARCHAR(16)  NOT NULL UNIQUE,
    secret_hash         VARCHAR(64)  NOT NULL,
    province_code       VARCHAR(2)   NOT NULL,
    commune_code        VARCHAR(5)   NOT NULL,
    village_id          BIGINT,
    category            VARCHAR(24)  NOT NULL,
    description         TEXT         NOT NULL,
    occurred_at         TIMESTAMPTZ,
    place               TEXT,
    latitude            DOUBLE PRECISION,
    longitude           DOUBLE PRECISION,
    urgent              BOOLEAN      NOT NULL DEFAULT FALSE,
    anonymous           BOOLEAN      NOT NULL,
    channel             VARCHAR(16)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    status_reason       TEXT,
    assigned_officer_id BIGINT,
    received_at         TIMESTAMPTZ  NOT NULL,
    first_answered_at   TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    search_text         TEXT         NOT NULL,
    search_vector       TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
    version             INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX tips_commune_inbox_idx ON reports.tips (commune_code, urgent DESC, received_at DESC);
CREATE INDEX tips_village_inbox_idx ON reports.tips (village_id, urgent DESC, received_at DESC);
CREATE INDEX tips_province_inbox_idx ON reports.tips (province_code, urgent DESC, received_at DESC);
CREATE INDEX tips_status_idx ON reports.tips (commune_code, status);
CREATE INDEX tips_search_idx ON reports.tips USING GIN (search_vector);

-- The reporter's identity, sealed with AES-GCM envelope encryption, kept apart from the tip.
CREATE TABLE reports.reporter_identities (
    tip_id BIGINT PRIMARY KEY REFERENCES reports.tips (id),
    sealed BYTEA  NOT NULL
);

-- The dialogue with the resident (visible on the resident's status page).
CREATE TABLE reports.tip_messages (
    id         BIGSERIAL PRIMARY KEY,
    tip_id     BIGINT      NOT NULL REFERENCES reports.tips (id),
    author     VARCHAR(10) NOT NULL CHECK (author IN ('RESIDENT', 'OFFICER')),
    officer_id BIGINT,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tip_messages_tip_idx ON reports.tip_messages (tip_id, created_at);

-- Internal notes: officers only.
CREATE TABLE reports.tip_notes (
    id         BIGSERIAL PRIMARY KEY,
    tip_id     BIGINT      NOT NULL REFERENCES reports.tips (id),
    officer_id BIGINT      NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tip_notes_tip_idx ON reports.tip_notes (tip_id, created_at);

-- Every status change, who made it and why: the tip's history.
CREATE TABLE reports.tip_status_changes (
    id          BIGSERIAL PRIMARY KEY,
    tip_id      BIGINT      NOT NULL REFERENCES reports.tips (id),
    from_status VARCHAR(16),
    to_status   VARCHAR(16) NOT NULL,
    officer_id  BIGINT,
    reason      TEXT,
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX tip_status_changes_tip_idx ON reports.tip_status_changes (tip_id, changed_at);

-- Photos and files: content-addressed, never overwritten.
CREATE TABLE reports.tip_attachments (
    id           BIGSERIAL PRIMARY KEY,
    tip_id       BIGINT      NOT NULL REFERENCES reports.tips (id),
    file_name    TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    size_bytes   INTEGER     NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    content      BYTEA       NOT NULL,
    added_by     VARCHAR(10) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX tip_attachments_tip_idx ON reports.tip_attachments (tip_id);
