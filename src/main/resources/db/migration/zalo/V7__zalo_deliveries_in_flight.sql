-- Bulletin messages whose request may have left for Zalo: written and committed just before the batch's requests go
-- out, deleted in the batch's own transaction with the outcome. A row still here for a PENDING delivery means the
-- node died between sending and recording; before sending again, the worker asks Zalo's conversation API whether
-- the resident already has the message.
CREATE TABLE zalo.deliveries_in_flight (
    delivery_id BIGINT      PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A resident's message is linked to the latest bulletin Zalo delivered to them shortly before (bulletins' replies).
CREATE INDEX deliveries_bulletin_recipient_idx ON zalo.deliveries (oa_id, recipient_id, sent_at)
    WHERE bulletin_ref IS NOT NULL;
