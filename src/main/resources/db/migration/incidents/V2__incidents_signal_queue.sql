-- Signals waiting to be matched and grouped, written in the publisher's own transaction (see decision 0010).
-- A signal that may warn (a tip, or a message with a watch term) is taken before talk without one.
CREATE TABLE incidents.signal_queue (
    id              BIGSERIAL    PRIMARY KEY,
    may_warn        BOOLEAN      NOT NULL,
    source          VARCHAR(8)   NOT NULL CHECK (source IN ('TIP', 'MESSAGE', 'GROUP')),
    source_ref      VARCHAR(80)  NOT NULL,
    source_key      VARCHAR(80)  NOT NULL,
    province_code   VARCHAR(2)   NOT NULL,
    commune_code    VARCHAR(5)   NOT NULL,
    village_id      BIGINT,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    group_ref       TEXT,
    place_text      TEXT,
    text            TEXT         NOT NULL,
    urgent          BOOLEAN      NOT NULL,
    category_hint   VARCHAR(16),
    sent_at         TIMESTAMPTZ  NOT NULL,
    stated_event_at TIMESTAMPTZ,
    queued_at       TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT
);

CREATE INDEX signal_queue_next_idx ON incidents.signal_queue (may_warn DESC, id);
