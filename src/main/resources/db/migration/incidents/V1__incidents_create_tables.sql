CREATE SCHEMA IF NOT EXISTS incidents;

-- Early-warning settings of a commune police unit; a unit without a row uses the defaults (binhyen.incidents.*).
CREATE TABLE incidents.unit_settings (
    commune_code      VARCHAR(5)   PRIMARY KEY,
    watching          BOOLEAN      NOT NULL DEFAULT TRUE,
    alert_threshold   NUMERIC(6,1) NOT NULL CHECK (alert_threshold > 0),
    window_minutes    INTEGER      NOT NULL CHECK (window_minutes BETWEEN 10 AND 10080),
    radius_meters     INTEGER      NOT NULL CHECK (radius_meters BETWEEN 50 AND 20000),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Watch terms. commune_code NULL: the national defaults every unit starts with. A unit's own term with the same
-- wording replaces the default (weight 0 switches it off). Variants are other wordings and spellings; everything is
-- folded in Java with the shared folding when the terms are loaded, so a change of the folding applies to all.
CREATE TABLE incidents.watch_terms (
    id            BIGSERIAL    PRIMARY KEY,
    commune_code  VARCHAR(5),
    category      VARCHAR(16)  NOT NULL CHECK (category IN ('FIGHT', 'WEAPON', 'RACING', 'DRUGS', 'SCAM', 'MISSING', 'OTHER')),
    term          TEXT         NOT NULL,
    variants      TEXT         NOT NULL DEFAULT '',
    weight        NUMERIC(4,1) NOT NULL CHECK (weight BETWEEN 0 AND 20),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX watch_terms_unit_term_idx ON incidents.watch_terms (coalesce(commune_code, ''), lower(term));

-- Local landmarks the unit maintains ("hồ Krông Búk Hạ", "ngã ba Ama Khê"), matched in folded text.
CREATE TABLE incidents.gazetteer (
    id            BIGSERIAL    PRIMARY KEY,
    commune_code  VARCHAR(5)   NOT NULL,
    name          TEXT         NOT NULL,
    folded        TEXT         NOT NULL,
    village_id    BIGINT,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    UNIQUE (commune_code, folded)
);

-- Which village a channel group belongs to (a village's Zalo group), set by the unit.
CREATE TABLE incidents.group_places (
    group_ref     VARCHAR(64)  PRIMARY KEY,
    commune_code  VARCHAR(5)   NOT NULL,
    village_id    BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE incidents.incidents (
    id                BIGSERIAL    PRIMARY KEY,
    province_code     VARCHAR(2)   NOT NULL,
    commune_code      VARCHAR(5)   NOT NULL,
    village_id        BIGINT,
    latitude          DOUBLE PRECISION,
    longitude         DOUBLE PRECISION,
    title             TEXT         NOT NULL,
    categories        TEXT[]       NOT NULL DEFAULT '{}',
    severity          NUMERIC(6,1) NOT NULL DEFAULT 0,
    signal_count      INTEGER      NOT NULL DEFAULT 0,
    source_count      INTEGER      NOT NULL DEFAULT 0,
    status            VARCHAR(8)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED', 'MERGED')),
    owner_officer_id  BIGINT,
    first_signal_at   TIMESTAMPTZ  NOT NULL,
    last_signal_at    TIMESTAMPTZ  NOT NULL,
    event_at          TIMESTAMPTZ,
    alerted_at        TIMESTAMPTZ,
    merged_into       BIGINT REFERENCES incidents.incidents (id),
    outcome           VARCHAR(16)  CHECK (outcome IN ('PREVENTED', 'HANDLED', 'OCCURRED', 'FALSE_ALARM')),
    outcome_note      TEXT,
    closed_at         TIMESTAMPTZ,
    closed_by         BIGINT,
    created_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX incidents_open_commune_idx ON incidents.incidents (commune_code, last_signal_at DESC) WHERE status = 'OPEN';
CREATE INDEX incidents_commune_time_idx ON incidents.incidents (commune_code, first_signal_at DESC);
CREATE INDEX incidents_province_time_idx ON incidents.incidents (province_code, first_signal_at DESC);

-- Every tip, conversation message and group message. Signals that match no watch term and join no incident are
-- kept too (an officer can add them by hand; the figures count them).
CREATE TABLE incidents.signals (
    id             BIGSERIAL    PRIMARY KEY,
    source         VARCHAR(8)   NOT NULL CHECK (source IN ('TIP', 'MESSAGE', 'GROUP')),
    source_ref     VARCHAR(80)  NOT NULL,
    source_key     VARCHAR(80)  NOT NULL,
    province_code  VARCHAR(2)   NOT NULL,
    commune_code   VARCHAR(5)   NOT NULL,
    village_id     BIGINT,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    place_name     TEXT,
    place_basis    VARCHAR(10)  NOT NULL CHECK (place_basis IN ('VILLAGE', 'GPS', 'GROUP', 'LANDMARK', 'TEXT', 'COMMUNE')),
    text           TEXT         NOT NULL,
    folded         TEXT         NOT NULL,
    terms          TEXT[]       NOT NULL DEFAULT '{}',
    categories     TEXT[]       NOT NULL DEFAULT '{}',
    score          NUMERIC(6,1) NOT NULL DEFAULT 0,
    urgent         BOOLEAN      NOT NULL DEFAULT FALSE,
    sent_at        TIMESTAMPTZ  NOT NULL,
    event_at       TIMESTAMPTZ,
    incident_id    BIGINT REFERENCES incidents.incidents (id),
    link_reason    TEXT,
    linked_by      BIGINT,
    grouping_micros INTEGER,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (source, source_ref)
);
CREATE INDEX signals_incident_idx ON incidents.signals (incident_id, sent_at) WHERE incident_id IS NOT NULL;
CREATE INDEX signals_commune_time_idx ON incidents.signals (commune_code, sent_at DESC);

CREATE TABLE incidents.mentions (
    incident_id  BIGINT       NOT NULL REFERENCES incidents.incidents (id),
    kind         VARCHAR(8)   NOT NULL CHECK (kind IN ('PERSON', 'PLACE')),
    name         TEXT         NOT NULL,
    times        INTEGER      NOT NULL DEFAULT 1,
    PRIMARY KEY (incident_id, kind, name)
);

-- What officers did: patrol sent, parents called, group warned, notes, merges, splits, closing.
CREATE TABLE incidents.actions (
    id           BIGSERIAL    PRIMARY KEY,
    incident_id  BIGINT       NOT NULL REFERENCES incidents.incidents (id),
    kind         VARCHAR(24)  NOT NULL,
    note         TEXT,
    officer_id   BIGINT,
    at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX actions_incident_idx ON incidents.actions (incident_id, at);

-- Urgent alerts, one per officer on duty for the place. Zalo delivery to the officer's own account is recorded
-- with its state; the zalo module has no way to message an officer yet (NOT_AVAILABLE).
CREATE TABLE incidents.alerts (
    id               BIGSERIAL    PRIMARY KEY,
    incident_id      BIGINT       NOT NULL REFERENCES incidents.incidents (id),
    officer_id       BIGINT       NOT NULL,
    severity         NUMERIC(6,1) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    zalo_state       VARCHAR(16)  NOT NULL DEFAULT 'NOT_AVAILABLE',
    UNIQUE (incident_id, officer_id)
);
CREATE INDEX alerts_officer_open_idx ON incidents.alerts (officer_id, created_at DESC) WHERE acknowledged_at IS NULL;

-- Requests to residents of chosen villages for witnesses. Delivery (a bulletin) does not exist yet: the request is
-- recorded with its limits checked and stays NOT_SENT.
CREATE TABLE incidents.assistance_requests (
    id              BIGSERIAL    PRIMARY KEY,
    incident_id     BIGINT       NOT NULL REFERENCES incidents.incidents (id),
    commune_code    VARCHAR(5)   NOT NULL,
    case_reference  VARCHAR(40)  NOT NULL,
    window_from     TIMESTAMPTZ  NOT NULL,
    window_to       TIMESTAMPTZ  NOT NULL,
    village_ids     BIGINT[]     NOT NULL,
    body            TEXT         NOT NULL,
    delivery        VARCHAR(10)  NOT NULL DEFAULT 'NOT_SENT',
    created_by      BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    CHECK (window_to > window_from),
    CHECK (cardinality(village_ids) BETWEEN 1 AND 5)
);

INSERT INTO incidents.watch_terms (commune_code, category, term, variants, weight) VALUES
    (NULL, 'FIGHT',   'hỗn chiến',  'hon chien, hỗn chiếng',                 5),
    (NULL, 'FIGHT',   'đánh nhau',  'danh nhau, đập nhau, choảng nhau, xử nó', 4),
    (NULL, 'FIGHT',   'chém',       'chem, chém nhau, chém chết',            5),
    (NULL, 'FIGHT',   'rượt đuổi',  'ruot duoi, truy sát',                   3),
    (NULL, 'FIGHT',   'trả thù',    'tra thu, báo thù',                      3),
    (NULL, 'WEAPON',  'mã tấu',     'ma tau, dao phóng, dao rựa',            5),
    (NULL, 'WEAPON',  'hung khí',   'hung khi, vũ khí, gậy gộc, tuýp sắt',   5),
    (NULL, 'WEAPON',  'nổ súng',    'no sung, súng tự chế, súng hoa cải, bom xăng', 5),
    (NULL, 'RACING',  'đua xe',     'dua xe, đua xe máy, quái xế',           4),
    (NULL, 'RACING',  'bốc đầu',    'boc dau, lạng lách, nẹt pô',            3),
    (NULL, 'RACING',  'tụ tập',     'tu tap, kéo quân, tập trung đông',      2),
    (NULL, 'DRUGS',   'ma túy',     'ma tuy, ma tuý, hàng trắng, cỏ mỹ, bay lắc, thuốc lắc', 4),
    (NULL, 'DRUGS',   'tiêm chích', 'tiem chich, sử dụng trái phép chất ma túy', 3),
    (NULL, 'SCAM',    'lừa đảo',    'lua dao, chiếm đoạt, giả danh công an', 3),
    (NULL, 'SCAM',    'chuyển khoản', 'chuyen khoan, mã OTP, việc nhẹ lương cao', 2),
    (NULL, 'MISSING', 'mất tích',   'mat tich, bỏ nhà đi, không về nhà, thất lạc, đi lạc', 5),
    (NULL, 'MISSING', 'tìm người',  'tim nguoi, tìm con, tìm cháu',          3);
