-- A resident's or a group's message that may warn of trouble (the unit watches and the text holds one of its watch
-- terms), marked at intake. The event lanes take these before other events, so a planned fight or race is never
-- queued behind a burst of village chatter.
ALTER TABLE zalo.webhook_events ADD COLUMN may_warn BOOLEAN NOT NULL DEFAULT false;

DROP INDEX zalo.webhook_events_pending_idx;
CREATE INDEX webhook_events_pending_idx ON zalo.webhook_events (may_warn DESC, next_attempt_at, id)
    WHERE processed_at IS NULL;
