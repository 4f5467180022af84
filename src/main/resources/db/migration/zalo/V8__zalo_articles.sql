-- A bulletin's article on a commune page (one per bulletin and OA). Zalo builds articles asynchronously: create (or
-- update) answers a token, verify answers the article id once Zalo has processed it (-214 until then), so each row
-- is a small state machine worked by a poller: CREATE -> VERIFY -> LIVE, UPDATE -> VERIFY -> LIVE, REMOVE -> REMOVED,
-- or FAILED with the reason. content is the JSON body sent to Zalo. A row with broadcast_target queues, once LIVE,
-- one broadcast of the article in the delivery queue under the key "broadcast:<bulletin>:<oa>", so a restart or a
-- second node never queues it twice.
CREATE TABLE zalo.articles (
    bulletin_ref         BIGINT      NOT NULL,
    oa_id                VARCHAR(32) NOT NULL,
    state                VARCHAR(8)  NOT NULL
        CHECK (state IN ('CREATE', 'VERIFY', 'UPDATE', 'LIVE', 'REMOVE', 'REMOVED', 'FAILED')),
    content              TEXT        NOT NULL,
    -- the correction changed the content while Zalo was still processing the first version
    pending_update       BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the bulletin was withdrawn: take the article down as soon as Zalo has given its id
    removal_requested    BOOLEAN     NOT NULL DEFAULT FALSE,
    token                TEXT,
    article_id           VARCHAR(64),
    broadcast_target     TEXT,
    promotional          BOOLEAN     NOT NULL DEFAULT TRUE,
    broadcast_not_before TIMESTAMPTZ,
    attempts             INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error_code      INTEGER,
    failure              TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (bulletin_ref, oa_id)
);
CREATE INDEX articles_due_idx ON zalo.articles (next_attempt_at)
    WHERE state IN ('CREATE', 'VERIFY', 'UPDATE', 'REMOVE');

-- The broadcast of an article travels in the delivery queue like any message: recipient_id is the article id, text
-- the broadcast's target (JSON).
ALTER TABLE zalo.deliveries DROP CONSTRAINT deliveries_target_check;
ALTER TABLE zalo.deliveries ALTER COLUMN target TYPE VARCHAR(10);
ALTER TABLE zalo.deliveries ADD CONSTRAINT deliveries_target_check CHECK (target IN ('USER', 'GROUP', 'BROADCAST'));
