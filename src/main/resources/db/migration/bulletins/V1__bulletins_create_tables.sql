CREATE SCHEMA IF NOT EXISTS bulletins;

-- A bulletin (bản tin): written by an officer, approved when its audience is wider than the author may reach alone,
-- published at once or at a set time, then fanned out to the audience's channels. A correction is a new bulletin
-- pointing at the one it corrects.
CREATE TABLE bulletins.bulletins (
    id                BIGSERIAL PRIMARY KEY,
    kind              VARCHAR(16) NOT NULL
        CHECK (kind IN ('SECURITY', 'CRIME_METHOD', 'LEGAL', 'NOTICE', 'URGENT')),
    title             TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
    body              TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 1500),
    status            VARCHAR(16) NOT NULL
        CHECK (status IN ('DRAFT', 'PENDING', 'SCHEDULED', 'PUBLISHED', 'REJECTED', 'CANCELLED', 'WITHDRAWN')),
    province_code     VARCHAR(2)  NOT NULL,
    -- the commune whose page carries it; NULL when it spans several communes or the province
    home_commune_code VARCHAR(5),
    province_wide     BOOLEAN     NOT NULL DEFAULT FALSE,
    to_followers      BOOLEAN     NOT NULL DEFAULT TRUE,
    to_groups         BOOLEAN     NOT NULL DEFAULT TRUE,
    author_id         BIGINT      NOT NULL,
    author_name       TEXT        NOT NULL,
    approver_id       BIGINT,
    approver_name     TEXT,
    decided_at        TIMESTAMPTZ,
    rejection_reason  TEXT,
    -- urgent alerts sent without approval are reviewed afterwards by whoever would have approved them
    needs_review      BOOLEAN     NOT NULL DEFAULT FALSE,
    reviewed_by       BIGINT,
    reviewed_at       TIMESTAMPTZ,
    publish_at        TIMESTAMPTZ,
    published_at      TIMESTAMPTZ,
    corrects_id       BIGINT      REFERENCES bulletins.bulletins (id),
    corrected_by_id   BIGINT      REFERENCES bulletins.bulletins (id),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX bulletins_status_idx ON bulletins.bulletins (status, publish_at);
CREATE INDEX bulletins_province_idx ON bulletins.bulletins (province_code, created_at DESC);

-- Who it is for: whole communes and/or single villages (a province-wide bulletin lists no rows here).
CREATE TABLE bulletins.audience_communes (
    bulletin_id  BIGINT     NOT NULL REFERENCES bulletins.bulletins (id),
    commune_code VARCHAR(5) NOT NULL,
    PRIMARY KEY (bulletin_id, commune_code)
);
CREATE INDEX audience_communes_commune_idx ON bulletins.audience_communes (commune_code, bulletin_id);
CREATE TABLE bulletins.audience_villages (
    bulletin_id  BIGINT     NOT NULL REFERENCES bulletins.bulletins (id),
    village_id   BIGINT     NOT NULL,
    commune_code VARCHAR(5) NOT NULL,
    PRIMARY KEY (bulletin_id, village_id)
);
CREATE INDEX audience_villages_commune_idx ON bulletins.audience_villages (commune_code, bulletin_id);

-- Fan-out progress per (bulletin, OA): recipients are read in pages ordered by user id and the last one written is
-- kept here in the same transaction as the page's delivery rows, so a restart resumes after it.
CREATE TABLE bulletins.fanouts (
    bulletin_id  BIGINT      NOT NULL REFERENCES bulletins.bulletins (id),
    oa_id        VARCHAR(32) NOT NULL,
    commune_code VARCHAR(5)  NOT NULL,
    after_user   VARCHAR(32) NOT NULL DEFAULT '',
    groups_done  BOOLEAN     NOT NULL DEFAULT FALSE,
    done         BOOLEAN     NOT NULL DEFAULT FALSE,
    written      BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (bulletin_id, oa_id)
);
CREATE INDEX fanouts_open_idx ON bulletins.fanouts (bulletin_id) WHERE NOT done;

-- Until the Zalo follower sync tags followers with villages, the bulletins module keeps its own record of which
-- village a follower (or a village's Zalo group) belongs to. Switch to zalo.followers.village_id when it lands.
CREATE TABLE bulletins.follower_villages (
    oa_id      VARCHAR(32) NOT NULL,
    user_id    VARCHAR(32) NOT NULL,
    village_id BIGINT      NOT NULL,
    PRIMARY KEY (oa_id, user_id)
);
CREATE INDEX follower_villages_village_idx ON bulletins.follower_villages (village_id, oa_id, user_id);
CREATE TABLE bulletins.group_villages (
    oa_id      VARCHAR(32) NOT NULL,
    group_id   VARCHAR(32) NOT NULL,
    village_id BIGINT      NOT NULL,
    PRIMARY KEY (oa_id, group_id)
);
CREATE INDEX group_villages_village_idx ON bulletins.group_villages (village_id);

-- Portal page views, counted per bulletin per day (no visitor data kept).
CREATE TABLE bulletins.page_views (
    bulletin_id BIGINT NOT NULL REFERENCES bulletins.bulletins (id),
    day         DATE   NOT NULL,
    views       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (bulletin_id, day)
);
