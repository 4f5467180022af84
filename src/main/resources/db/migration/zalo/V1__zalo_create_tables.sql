CREATE SCHEMA IF NOT EXISTS zalo;

-- One Zalo Official Account per commune police page. Secrets and tokens are sealed with SecretBox (AES-GCM,
-- associated data "zalo-oa:<oa_id>:<field>"), so a sealed value copied into another row does not open.
CREATE TABLE zalo.official_accounts (
    id                       BIGSERIAL PRIMARY KEY,
    oa_id                    VARCHAR(32) NOT NULL UNIQUE CHECK (oa_id ~ '^[0-9]{1,32}$'),
    app_id                   VARCHAR(32) NOT NULL CHECK (app_id ~ '^[0-9]{1,32}$'),
    commune_code             VARCHAR(5)  NOT NULL,
    province_code            VARCHAR(2)  NOT NULL,
    name                     TEXT        NOT NULL,
    app_secret               BYTEA       NOT NULL,
    oa_secret_key            BYTEA       NOT NULL,
    access_token             BYTEA,
    refresh_token            BYTEA,
    access_token_expires_at  TIMESTAMPTZ,
    refresh_token_expires_at TIMESTAMPTZ,
    connection_status        VARCHAR(16) NOT NULL DEFAULT 'NOT_CONNECTED'
        CHECK (connection_status IN ('NOT_CONNECTED', 'CONNECTED', 'BROKEN')),
    connection_problem       TEXT,
    pending_state            VARCHAR(64) UNIQUE,
    pending_verifier         BYTEA,
    pending_expires_at       TIMESTAMPTZ,
    connected_at             TIMESTAMPTZ,
    refreshed_at             TIMESTAMPTZ,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX official_accounts_commune_idx ON zalo.official_accounts (commune_code);

-- Every signed webhook delivery, stored raw before Zalo gets its 200. Redeliveries and replays collapse on
-- (oa_id, event_key). Processing happens later, from this table, by a poller.
CREATE TABLE zalo.webhook_events (
    id              BIGSERIAL PRIMARY KEY,
    oa_id           VARCHAR(32) NOT NULL,
    event_key       TEXT        NOT NULL,
    event_name      TEXT        NOT NULL,
    raw_body        TEXT        NOT NULL,
    num_retry       INTEGER     NOT NULL DEFAULT 0,
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    processed_at    TIMESTAMPTZ,
    outcome         VARCHAR(16),
    last_error      TEXT,
    UNIQUE (oa_id, event_key)
);
CREATE INDEX webhook_events_pending_idx ON zalo.webhook_events (next_attempt_at, id) WHERE processed_at IS NULL;

-- Who follows each OA. Only a newer event moves a row, so out-of-order delivery cannot undo a later change.
CREATE TABLE zalo.followers (
    oa_id             VARCHAR(32) NOT NULL,
    user_id           VARCHAR(32) NOT NULL,
    following         BOOLEAN     NOT NULL,
    last_event_at     TIMESTAMPTZ NOT NULL,
    last_interaction_at TIMESTAMPTZ,
    PRIMARY KEY (oa_id, user_id)
);

-- Follows and unfollows per OA per day (Vietnam time), counted once per stored event.
CREATE TABLE zalo.follower_daily_counts (
    oa_id     VARCHAR(32) NOT NULL,
    day       DATE        NOT NULL,
    follows   INTEGER     NOT NULL DEFAULT 0,
    unfollows INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (oa_id, day)
);

-- Outbound messages to Zalo: one row per (reply or bulletin, recipient), claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE zalo.deliveries (
    id               BIGSERIAL PRIMARY KEY,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    oa_id            VARCHAR(32) NOT NULL,
    target           VARCHAR(8)  NOT NULL CHECK (target IN ('USER', 'GROUP')),
    recipient_id     VARCHAR(32) NOT NULL,
    text             TEXT        NOT NULL,
    reply_ref        BIGINT,
    status           VARCHAR(8)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    zalo_message_id  VARCHAR(64),
    last_error_code  INTEGER,
    failure          TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX deliveries_pending_idx ON zalo.deliveries (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX deliveries_zalo_message_idx ON zalo.deliveries (zalo_message_id) WHERE zalo_message_id IS NOT NULL;

-- Requests spent per app per minute, shared by every node, to stay under Zalo's per-app limit.
CREATE TABLE zalo.api_budget (
    app_id VARCHAR(32) NOT NULL,
    minute TIMESTAMPTZ NOT NULL,
    used   INTEGER     NOT NULL,
    PRIMARY KEY (app_id, minute)
);
