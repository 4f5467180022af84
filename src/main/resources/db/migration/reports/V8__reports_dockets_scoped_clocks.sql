-- The overdue count on every inbox page and the register's clock filters asked the clock indexes of V5 for every
-- overdue docket in the country, then kept the unit's: their cost grew with the whole country's backlog, 34 provinces
-- of it. A docket now carries its tip's commune and province (they never change), and each kind of clock has an index
-- per unit level, so a commune or a province reads only its own overdue dockets.
--
-- The Procuracy's notice was found from docket_events: every decision that ever set a notice deadline, anti-joined
-- with the notices given. That list only grows. The docket now carries the earliest deadline still waiting for its
-- notice, kept by a trigger on docket_events (append-only), whatever writes the event.

ALTER TABLE reports.dockets
    ADD COLUMN commune_code     VARCHAR(5),
    ADD COLUMN province_code    VARCHAR(2),
    ADD COLUMN procuracy_due_at TIMESTAMPTZ;

UPDATE reports.dockets d
   SET commune_code = t.commune_code,
       province_code = t.province_code,
       procuracy_due_at = (SELECT min(ev.procuracy_due_at) FROM reports.docket_events ev
                            WHERE ev.tip_id = d.tip_id AND ev.procuracy_due_at IS NOT NULL
                              AND NOT EXISTS (SELECT 1 FROM reports.docket_events n
                                               WHERE n.refers_to = ev.id AND n.type = 'PROCURACY_NOTIFIED'))
  FROM reports.tips t
 WHERE t.id = d.tip_id;

ALTER TABLE reports.dockets
    ALTER COLUMN commune_code SET NOT NULL,
    ALTER COLUMN province_code SET NOT NULL;

-- The docket's unit is its tip's, by constraint: a commune's or province's overdue dockets are then exactly its
-- overdue tips, and are counted without reading the tips (RegisterQuery.overdueCount).
ALTER TABLE reports.tips ADD CONSTRAINT tips_id_unit_key UNIQUE (id, commune_code, province_code);
ALTER TABLE reports.dockets ADD CONSTRAINT dockets_tip_unit_fk
    FOREIGN KEY (tip_id, commune_code, province_code) REFERENCES reports.tips (id, commune_code, province_code);

CREATE FUNCTION reports.dockets_refresh_procuracy_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reports.dockets d
       SET procuracy_due_at = (SELECT min(ev.procuracy_due_at) FROM reports.docket_events ev
                                WHERE ev.tip_id = d.tip_id AND ev.procuracy_due_at IS NOT NULL
                                  AND NOT EXISTS (SELECT 1 FROM reports.docket_events n
                                                   WHERE n.refers_to = ev.id AND n.type = 'PROCURACY_NOTIFIED'))
     WHERE d.tip_id = NEW.tip_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER docket_events_procuracy_due
    AFTER INSERT ON reports.docket_events
    FOR EACH ROW WHEN (NEW.procuracy_due_at IS NOT NULL OR NEW.type = 'PROCURACY_NOTIFIED')
    EXECUTE FUNCTION reports.dockets_refresh_procuracy_due();

-- Each kind of clock, running, by commune and by province, with the tip id: the answer comes from the index alone.
CREATE INDEX dockets_transfer_due_commune_idx ON reports.dockets (commune_code, transfer_due_at) INCLUDE (tip_id)
    WHERE state = 'AWAITING_TRANSFER';
CREATE INDEX dockets_transfer_due_province_idx ON reports.dockets (province_code, transfer_due_at) INCLUDE (tip_id)
    WHERE state = 'AWAITING_TRANSFER';
CREATE INDEX dockets_resolution_due_commune_idx ON reports.dockets (commune_code, resolution_due_at) INCLUDE (tip_id)
    WHERE state = 'UNDER_RESOLUTION';
CREATE INDEX dockets_resolution_due_province_idx ON reports.dockets (province_code, resolution_due_at) INCLUDE (tip_id)
    WHERE state = 'UNDER_RESOLUTION';
CREATE INDEX dockets_immediate_due_commune_idx ON reports.dockets (commune_code, immediate_report_due_at)
    INCLUDE (tip_id, state) WHERE urgent AND immediately_reported_at IS NULL;
CREATE INDEX dockets_immediate_due_province_idx ON reports.dockets (province_code, immediate_report_due_at)
    INCLUDE (tip_id, state) WHERE urgent AND immediately_reported_at IS NULL;
CREATE INDEX dockets_procuracy_due_commune_idx ON reports.dockets (commune_code, procuracy_due_at) INCLUDE (tip_id)
    WHERE procuracy_due_at IS NOT NULL;
CREATE INDEX dockets_procuracy_due_province_idx ON reports.dockets (province_code, procuracy_due_at) INCLUDE (tip_id)
    WHERE procuracy_due_at IS NOT NULL;

-- V5's national indexes go. Beside them the planner read a province's transfer clocks from the national one, filtering
-- out the other provinces' (7.7 ms instead of 1.8 for the province's count, with 60,000 overdue reports elsewhere). The
-- clock watch, which looks at the whole country, reads the province indexes whole instead (13.6 ms before, 13.8 after).
DROP INDEX reports.dockets_transfer_due_idx;
DROP INDEX reports.dockets_resolution_due_idx;
DROP INDEX reports.dockets_immediate_due_idx;
