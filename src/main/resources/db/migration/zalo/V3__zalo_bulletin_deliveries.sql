-- The delivery queue also carries bulletins: one row per (bulletin, recipient) under the key "bulletin:<id>:<user>",
-- the bulletin's text stored once beside it. Replies keep priority 0 so a large bulletin never delays an officer's
-- answer. Receipts (received, seen) are kept on the row; a resident Zalo will not let us reach is UNREACHABLE, not
-- FAILED; a withdrawn bulletin's unsent rows are CANCELLED.
ALTER TABLE zalo.deliveries
    ADD COLUMN bulletin_ref BIGINT,
    ADD COLUMN priority     SMALLINT NOT NULL DEFAULT 0,
    ADD COLUMN promotional  BOOLEAN  NOT NULL DEFAULT FALSE,
    ADD COLUMN delivered_at TIMESTAMPTZ,
    ADD COLUMN seen_at      TIMESTAMPTZ,
    ALTER COLUMN text DROP NOT NULL;
ALTER TABLE zalo.deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE zalo.deliveries ALTER COLUMN status TYPE VARCHAR(12);
ALTER TABLE zalo.deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'UNREACHABLE', 'CANCELLED'));
ALTER TABLE zalo.deliveries ADD CONSTRAINT deliveries_text_check CHECK (text IS NOT NULL OR bulletin_ref IS NOT NULL);
DROP INDEX zalo.deliveries_pending_idx;
CREATE INDEX deliveries_pending_idx ON zalo.deliveries (priority, next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX deliveries_bulletin_idx ON zalo.deliveries (bulletin_ref, status) WHERE bulletin_ref IS NOT NULL;
-- Promotional sends per resident per day (Zalo caps them); only promotional rows are counted.
CREATE INDEX deliveries_promotional_idx ON zalo.deliveries (oa_id, recipient_id, created_at) WHERE promotional;

CREATE TABLE zalo.bulletin_texts (
    bulletin_ref BIGINT PRIMARY KEY,
    text         TEXT   NOT NULL
);
