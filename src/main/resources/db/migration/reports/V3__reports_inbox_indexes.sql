-- Indexes for the officer inbox, found with bench/run.sh inbox (200,000 tips).

-- Tips assigned to an officer, in inbox order (urgent first, newest first), like the commune and village indexes.
-- An area officer's inbox is "my villages OR assigned to me"; InboxQuery reads it one part at a time, and the part
-- "assigned to me" had no index: it was found by reading every tip of the status or of the search (50-300 ms a page).
-- The filter "Của tôi" (mine) uses it too.
CREATE INDEX tips_assigned_inbox_idx ON reports.tips (assigned_officer_id, urgent DESC, received_at DESC);

-- Tips nobody has picked up yet, for the live badge that every open console asks for every 10 seconds. For an area
-- officer the count is "waiting AND (my villages OR assigned to me)", which no other index answers: it read thousands
-- of tips (5-50 ms); with this one it takes 0.3 ms. It holds only waiting tips, so it stays small as the years add up.
CREATE INDEX tips_waiting_idx ON reports.tips (village_id, assigned_officer_id) WHERE status = 'RECEIVED';
