-- Tips assigned to an officer, in inbox order (urgent first, newest first), like the commune and village indexes.
-- An area officer's inbox is "my villages OR assigned to me"; without this index the assigned half could only be found
-- by reading every tip of the status or the search (200,000 tips: 50-300 ms a page), and "Của tôi" (mine) had none.
CREATE INDEX tips_assigned_inbox_idx ON reports.tips (assigned_officer_id, urgent DESC, received_at DESC);
