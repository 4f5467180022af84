CREATE SCHEMA IF NOT EXISTS directory;

-- Provinces and communes/wards/special zones with their official codes (Decision 19/2025/QĐ-TTg).
-- Codes are zero-padded strings: 2 digits for a province, 5 for a commune.
CREATE TABLE directory.administrative_units (
    code            VARCHAR(5)  PRIMARY KEY,
    level           VARCHAR(10) NOT NULL CHECK (level IN ('PROVINCE', 'COMMUNE')),
    name            TEXT        NOT NULL,
    full_name       TEXT        NOT NULL,
    name_en         TEXT,
    unit_type       TEXT        NOT NULL,
    province_code   VARCHAR(2)  NOT NULL,
    remote          BOOLEAN     NOT NULL DEFAULT FALSE,
    population      INTEGER,
    valid_from      DATE        NOT NULL,
    valid_to        DATE,
    dataset_version TEXT        NOT NULL,
    CHECK ((level = 'PROVINCE' AND code ~ '^[0-9]{2}$') OR (level = 'COMMUNE' AND code ~ '^[0-9]{5}$'))
);
CREATE INDEX administrative_units_province_idx ON directory.administrative_units (province_code, level);

-- Villages (thôn, buôn, ấp) and residential groups (tổ dân phố): no official code, our own ids.
CREATE TABLE directory.villages (
    id           BIGSERIAL PRIMARY KEY,
    commune_code VARCHAR(5) NOT NULL REFERENCES directory.administrative_units (code),
    name         TEXT       NOT NULL,
    kind         VARCHAR(20) NOT NULL CHECK (kind IN ('VILLAGE', 'RESIDENTIAL_GROUP')),
    population   INTEGER,
    latitude     DOUBLE PRECISION,
    longitude    DOUBLE PRECISION,
    UNIQUE (commune_code, name)
);

-- Police units: one per commune (công an xã/phường) plus the province command (công an tỉnh).
CREATE TABLE directory.police_units (
    id        BIGSERIAL PRIMARY KEY,
    unit_code VARCHAR(5)  NOT NULL UNIQUE REFERENCES directory.administrative_units (code),
    level     VARCHAR(10) NOT NULL CHECK (level IN ('PROVINCE', 'COMMUNE')),
    name      TEXT        NOT NULL,
    address   TEXT,
    phone     TEXT,
    email     TEXT,
    zalo_page TEXT
);

CREATE TABLE directory.officers (
    id             BIGSERIAL PRIMARY KEY,
    police_unit_id BIGINT      NOT NULL REFERENCES directory.police_units (id),
    full_name      TEXT        NOT NULL,
    rank           TEXT,
    role           VARCHAR(20) NOT NULL CHECK (role IN ('AREA_OFFICER', 'COMMUNE_STAFF', 'COMMUNE_CHIEF', 'PROVINCE_COMMAND', 'ADMINISTRATOR')),
    phone          TEXT,
    active         BOOLEAN     NOT NULL DEFAULT TRUE
);
CREATE INDEX officers_unit_idx ON directory.officers (police_unit_id);

-- Which villages an area officer covers.
CREATE TABLE directory.jurisdictions (
    officer_id BIGINT NOT NULL REFERENCES directory.officers (id),
    village_id BIGINT NOT NULL REFERENCES directory.villages (id),
    PRIMARY KEY (officer_id, village_id)
);
CREATE INDEX jurisdictions_village_idx ON directory.jurisdictions (village_id);

-- Registry of community groups: each village's Zalo group, its officer, members and link.
CREATE TABLE directory.community_groups (
    id           BIGSERIAL PRIMARY KEY,
    village_id   BIGINT      NOT NULL REFERENCES directory.villages (id),
    officer_id   BIGINT      REFERENCES directory.officers (id),
    name         TEXT        NOT NULL,
    zalo_link    TEXT,
    member_count INTEGER     NOT NULL DEFAULT 0 CHECK (member_count >= 0),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX community_groups_village_idx ON directory.community_groups (village_id);
