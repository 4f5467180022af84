-- The duty roster (lịch trực): who is on duty for a commune, when, and optionally for which of its villages.
-- Urgent alerts go to the officers whose shift covers the alert time. Shifts may overlap (two officers on duty).
CREATE TABLE directory.duty_shifts (
    id           BIGSERIAL   PRIMARY KEY,
    commune_code VARCHAR(5)  NOT NULL REFERENCES directory.administrative_units (code),
    officer_id   BIGINT      NOT NULL REFERENCES directory.officers (id),
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    -- Empty: the whole commune. Otherwise only these villages of the commune (checked when the shift is added).
    village_ids  BIGINT[]    NOT NULL DEFAULT '{}',
    -- Null when the system added it (the demo roster).
    added_by     BIGINT      REFERENCES directory.officers (id),
    added_at     TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
-- "Who is on duty at t in this commune" and "this fortnight's shifts": both filter on the commune and the end.
CREATE INDEX duty_shifts_commune_end_idx ON directory.duty_shifts (commune_code, ends_at, starts_at);
