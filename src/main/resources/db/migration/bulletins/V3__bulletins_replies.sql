-- Residents' messages that answer a bulletin: quoting it on Zalo, or written soon after it reached them. One row per
-- message (a message answers at most one bulletin); the text stays in the conversation, this only points at it.
CREATE TABLE bulletins.replies (
    message_id  BIGINT      PRIMARY KEY,
    bulletin_id BIGINT      NOT NULL REFERENCES bulletins.bulletins (id),
    thread_id   BIGINT      NOT NULL,
    quoted      BOOLEAN     NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX replies_bulletin_idx ON bulletins.replies (bulletin_id, sent_at DESC);
