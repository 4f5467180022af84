CREATE SCHEMA IF NOT EXISTS insights;

-- The rollups: one row per unit, day (Vietnam time), measure and dimension (a channel, an outcome, a time bucket).
-- A fact is counted at its village (when known), its commune and its province, so a dashboard at any level reads
-- only its own rows. level: P province (unit = 2-digit code), C commune (5-digit code), V village (its id).
-- parent: the province of a commune, the commune of a village ('' for a province), for drill-down.
CREATE TABLE insights.daily_figures (
    level   CHAR(1)     NOT NULL CHECK (level IN ('P', 'C', 'V')),
    unit    VARCHAR(20) NOT NULL,
    parent  VARCHAR(5)  NOT NULL,
    day     DATE        NOT NULL,
    measure VARCHAR(32) NOT NULL,
    dim     VARCHAR(24) NOT NULL DEFAULT '',
    value   BIGINT      NOT NULL,
    PRIMARY KEY (level, unit, day, measure, dim)
);
-- Children of a unit for a period, answered from the index alone (the comparison table and the map).
CREATE INDEX daily_figures_children_idx ON insights.daily_figures (level, parent, day) INCLUDE (unit, measure, dim, value);

-- Boundaries imported with the unit list (GeoJSON geometry per province or commune code), for maps without tiles.
CREATE TABLE insights.boundaries (
    unit_code   VARCHAR(5)  PRIMARY KEY,
    geometry    TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);

-- A province's public transparency page: off until its command turns it on.
CREATE TABLE insights.public_pages (
    province_code VARCHAR(2)  PRIMARY KEY,
    published     BOOLEAN     NOT NULL,
    updated_by    BIGINT,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Monthly reports made for a unit's leaders (PDF and Excel), kept for them to download.
CREATE TABLE insights.monthly_reports (
    id         BIGSERIAL   PRIMARY KEY,
    level      CHAR(1)     NOT NULL CHECK (level IN ('P', 'C', 'V')),
    unit       VARCHAR(20) NOT NULL,
    month      DATE        NOT NULL,
    pdf        BYTEA       NOT NULL,
    xlsx       BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (level, unit, month)
);
