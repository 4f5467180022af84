-- Whose events must stay in order (the resident, or the group, an event is about), set at intake. Event processing
-- runs in parallel lanes on each node; every event of one key goes to the same lane, so a lane handles them in order.
ALTER TABLE zalo.webhook_events ADD COLUMN ordering_key VARCHAR(80) NOT NULL DEFAULT '';
