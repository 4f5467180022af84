-- Indexes for the count of overdue reports that every inbox page and the register show (RegisterQuery.overdueCount),
-- and for the register's clock filters and its "overdue first" order, found with bench/run.sh inbox once its 200,000
-- tips had their dockets, as every real tip has: the count computed each docket's next deadline, so it read every
-- docket of the unit (1.1-1.4 s a page for a ward with 60,000 tips).
-- Each kind of clock is now asked for its dockets past a moment from a partial index that holds only the dockets whose
-- clock of that kind is running, and that carries the tip id, so the answer comes from the index alone.

-- The transfer and resolution clocks had indexes since V2, without the tip id: every match read the docket's row.
DROP INDEX reports.dockets_transfer_due_idx;
CREATE INDEX dockets_transfer_due_idx ON reports.dockets (transfer_due_at) INCLUDE (tip_id)
    WHERE state = 'AWAITING_TRANSFER';
DROP INDEX reports.dockets_resolution_due_idx;
CREATE INDEX dockets_resolution_due_idx ON reports.dockets (resolution_due_at) INCLUDE (tip_id)
    WHERE state = 'UNDER_RESOLUTION';

-- An urgent report not yet reported to the investigation body at once (its clock runs while the docket is open).
CREATE INDEX dockets_immediate_due_idx ON reports.dockets (immediate_report_due_at) INCLUDE (tip_id, state)
    WHERE urgent AND immediately_reported_at IS NULL;

-- The Procuracy's notice of a decision, once given, answers the event that set its deadline.
CREATE INDEX docket_events_notified_idx ON reports.docket_events (refers_to) WHERE type = 'PROCURACY_NOTIFIED';
