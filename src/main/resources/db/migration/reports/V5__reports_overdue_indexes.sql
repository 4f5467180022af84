-- Indexes for the count of overdue reports that every inbox page and the register show (RegisterQuery.overdueCount),
-- found with bench/run.sh inbox once its 200,000 tips had their dockets, as every real tip has: the count computed
-- each docket's next deadline, so it read every docket of the unit (1.1-1.4 s a page for a ward with 60,000 tips).
-- It now asks each kind of clock for the dockets already past it, each from a partial index that holds only dockets
-- whose clock of that kind is running; the transfer and resolution clocks have had theirs since V2.

-- An urgent report not yet reported to the investigation body at once.
CREATE INDEX dockets_immediate_due_idx ON reports.dockets (immediate_report_due_at)
    WHERE urgent AND immediately_reported_at IS NULL;

-- The Procuracy's notice of a decision, once given, answers the event that set its deadline.
CREATE INDEX docket_events_notified_idx ON reports.docket_events (refers_to) WHERE type = 'PROCURACY_NOTIFIED';
