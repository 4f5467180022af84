-- The receipt register (sổ tiếp nhận), the legal handling of each report (its docket), clocks and alerts.
-- See docs/decisions/0003-register.md.

-- Register numbers run per unit and year: 1, 2, 3 … from 1 January (Vietnam time).
CREATE TABLE reports.register_counters (
    commune_code VARCHAR(5) NOT NULL,
    year         INTEGER    NOT NULL,
    last_number  INTEGER    NOT NULL,
    PRIMARY KEY (commune_code, year)
);

-- A line of the register. Never changed or removed: a correction is a new line that names the line it corrects.
CREATE TABLE reports.register_entries (
    id                   BIGSERIAL    PRIMARY KEY,
    tip_id               BIGINT       NOT NULL REFERENCES reports.tips (id),
    province_code        VARCHAR(2)   NOT NULL,
    commune_code         VARCHAR(5)   NOT NULL,
    register_year        INTEGER      NOT NULL,
    register_number      INTEGER      NOT NULL,
    received_at          TIMESTAMPTZ  NOT NULL,
    channel              VARCHAR(16)  NOT NULL,
    receiving_officer_id BIGINT,
    summary              TEXT         NOT NULL,
    corrects_entry_id    BIGINT       REFERENCES reports.register_entries (id),
    correction_reason    TEXT,
    entered_by           BIGINT,
    entered_at           TIMESTAMPTZ  NOT NULL,
    UNIQUE (commune_code, register_year, register_number),
    CHECK ((corrects_entry_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX register_entries_tip_idx ON reports.register_entries (tip_id, id);
CREATE INDEX register_entries_period_idx ON reports.register_entries (commune_code, received_at);

-- The legal handling of one report: kind, state and clocks. One per tip, changed under an optimistic lock; every
-- change is also a row of docket_events.
CREATE TABLE reports.dockets (
    tip_id                   BIGINT       PRIMARY KEY REFERENCES reports.tips (id),
    kind                     VARCHAR(32),
    kind_reason              TEXT,
    state                    VARCHAR(24)  NOT NULL,
    urgent                   BOOLEAN      NOT NULL,
    remote                   BOOLEAN      NOT NULL,
    received_at              TIMESTAMPTZ  NOT NULL,
    transfer_due_at          TIMESTAMPTZ,
    resolution_due_at        TIMESTAMPTZ,
    extension_count          INTEGER      NOT NULL DEFAULT 0,
    immediate_report_due_at  TIMESTAMPTZ,
    immediately_reported_at  TIMESTAMPTZ,
    protection_requested_at  TIMESTAMPTZ,
    closed_at                TIMESTAMPTZ,
    version                  INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX dockets_transfer_due_idx ON reports.dockets (transfer_due_at) WHERE state = 'AWAITING_TRANSFER';
CREATE INDEX dockets_resolution_due_idx ON reports.dockets (resolution_due_at) WHERE state = 'UNDER_RESOLUTION';

-- What happened to a docket: classifications, decisions, extensions, notices. Append-only.
CREATE TABLE reports.docket_events (
    id               BIGSERIAL    PRIMARY KEY,
    tip_id           BIGINT       NOT NULL REFERENCES reports.dockets (tip_id),
    type             VARCHAR(32)  NOT NULL,
    officer_id       BIGINT,
    decision_date    DATE,
    decided_by       TEXT,
    detail           TEXT,
    kind_before      VARCHAR(32),
    kind_after       VARCHAR(32),
    due_before       TIMESTAMPTZ,
    due_after        TIMESTAMPTZ,
    procuracy_due_at TIMESTAMPTZ,
    refers_to        BIGINT       REFERENCES reports.docket_events (id),
    recorded_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX docket_events_tip_idx ON reports.docket_events (tip_id, id);
CREATE INDEX docket_events_procuracy_idx ON reports.docket_events (procuracy_due_at) WHERE procuracy_due_at IS NOT NULL;

-- Warnings and escalations raised by the clock watch; one per docket, clock, deadline and level.
CREATE TABLE reports.clock_alerts (
    id             BIGSERIAL    PRIMARY KEY,
    tip_id         BIGINT       NOT NULL REFERENCES reports.tips (id),
    clock          VARCHAR(24)  NOT NULL,
    level          VARCHAR(16)  NOT NULL,
    due_at         TIMESTAMPTZ  NOT NULL,
    recipient_role VARCHAR(20)  NOT NULL,
    officer_id     BIGINT,
    raised_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (tip_id, clock, due_at, level)
);
CREATE INDEX clock_alerts_officer_idx ON reports.clock_alerts (officer_id, raised_at DESC);

-- Who read a reporter's identity, and why.
CREATE TABLE reports.identity_reveals (
    id          BIGSERIAL   PRIMARY KEY,
    tip_id      BIGINT      NOT NULL REFERENCES reports.tips (id),
    officer_id  BIGINT      NOT NULL,
    purpose     VARCHAR(16) NOT NULL,
    reason      TEXT        NOT NULL,
    revealed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_reveals_tip_idx ON reports.identity_reveals (tip_id);

-- Nothing deletes a report, a register line or its history; register lines and history are not rewritten either.
CREATE FUNCTION reports.refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% on %.% is not allowed: the register is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER register_entries_append_only BEFORE UPDATE OR DELETE ON reports.register_entries
    FOR EACH ROW EXECUTE FUNCTION reports.refuse_change();
CREATE TRIGGER docket_events_append_only BEFORE UPDATE OR DELETE ON reports.docket_events
    FOR EACH ROW EXECUTE FUNCTION reports.refuse_change();
CREATE TRIGGER identity_reveals_append_only BEFORE UPDATE OR DELETE ON reports.identity_reveals
    FOR EACH ROW EXECUTE FUNCTION reports.refuse_change();
CREATE TRIGGER dockets_never_deleted BEFORE DELETE ON reports.dockets
    FOR EACH ROW EXECUTE FUNCTION reports.refuse_change();
CREATE TRIGGER tips_never_deleted BEFORE DELETE ON reports.tips
    FOR EACH ROW EXECUTE FUNCTION reports.refuse_change();
CREATE TRIGGER status_changes_append_only BEFORE UPDATE OR DELETE ON reports.tip_status_changes
    FOR EACH ROW EXECUTE FUNCTION reports.refuse_change();
CREATE TRIGGER attachments_never_overwritten BEFORE UPDATE OR DELETE ON reports.tip_attachments
    FOR EACH ROW EXECUTE FUNCTION reports.refuse_change();

-- Reports received before the register existed get their lines now, numbered in the order they came in.
INSERT INTO reports.register_entries (tip_id, province_code, commune_code, register_year, register_number, received_at,
                                      channel, summary, entered_at)
SELECT t.id, t.province_code, t.commune_code,
       extract(YEAR FROM t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::INTEGER,
       row_number() OVER (PARTITION BY t.commune_code,
                              extract(YEAR FROM t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                          ORDER BY t.received_at, t.id),
       t.received_at, t.channel, left(t.description, 300), now()
  FROM reports.tips t;
INSERT INTO reports.register_counters (commune_code, year, last_number)
SELECT commune_code, register_year, max(register_number) FROM reports.register_entries GROUP BY 1, 2;
INSERT INTO reports.dockets (tip_id, kind, kind_reason, state, urgent, remote, received_at, closed_at)
SELECT t.id,
       CASE WHEN t.status = 'REJECTED' THEN 'NOT_ACTIONABLE' END,
       CASE WHEN t.status = 'REJECTED' THEN t.status_reason END,
       CASE t.status WHEN 'REJECTED' THEN 'NOT_ACTIONABLE' WHEN 'TRANSFERRED' THEN 'TRANSFERRED' ELSE 'UNCLASSIFIED' END,
       t.urgent, FALSE, t.received_at,
       CASE WHEN t.status IN ('REJECTED', 'TRANSFERRED') THEN t.closed_at END
  FROM reports.tips t;
