CREATE SCHEMA IF NOT EXISTS conversations;

-- A conversation with one resident (or one village group) on one channel account, e.g. a commune's Zalo OA.
CREATE TABLE conversations.threads (
    id                  BIGSERIAL PRIMARY KEY,
    channel             VARCHAR(8)  NOT NULL,
    kind                VARCHAR(8)  NOT NULL CHECK (kind IN ('RESIDENT', 'GROUP')),
    account_ref         VARCHAR(64) NOT NULL,
    contact_ref         VARCHAR(64) NOT NULL,
    province_code       VARCHAR(2)  NOT NULL,
    commune_code        VARCHAR(5)  NOT NULL,
    assigned_officer_id BIGINT,
    created_at          TIMESTAMPTZ NOT NULL,
    last_message_at     TIMESTAMPTZ NOT NULL,
    last_inbound_at     TIMESTAMPTZ,
    unread              INTEGER     NOT NULL DEFAULT 0,
    UNIQUE (channel, account_ref, contact_ref)
);
CREATE INDEX threads_commune_idx ON conversations.threads (commune_code, last_message_at DESC);
CREATE INDEX threads_province_idx ON conversations.threads (province_code, last_message_at DESC);

-- Messages in a thread. Inbound ones carry the channel's message id, so a redelivered message is appended once.
CREATE TABLE conversations.messages (
    id              BIGSERIAL PRIMARY KEY,
    thread_id       BIGINT       NOT NULL REFERENCES conversations.threads (id),
    direction       VARCHAR(8)   NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    external_id     VARCHAR(64),
    kind            VARCHAR(10)  NOT NULL,
    body            TEXT         NOT NULL DEFAULT '',
    url             TEXT,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    sender_ref      VARCHAR(64),
    officer_id      BIGINT,
    sent_at         TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    reply_state     VARCHAR(10) CHECK (reply_state IN ('QUEUED', 'SENT', 'DELIVERED', 'SEEN', 'FAILED')),
    failure_key     TEXT,
    idempotency_key VARCHAR(64)  UNIQUE,
    UNIQUE (thread_id, external_id)
);
CREATE INDEX messages_thread_idx ON conversations.messages (thread_id, sent_at, id);
