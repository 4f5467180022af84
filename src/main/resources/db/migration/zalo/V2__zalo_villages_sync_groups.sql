-- The resident's village as the page knows it (a follower tag, the address they submitted, an officer's choice),
-- so bulletins can later target a village; and the tags Zalo holds for the follower.
ALTER TABLE zalo.followers
    ADD COLUMN village_id       BIGINT,
    ADD COLUMN village_source   VARCHAR(12) CHECK (village_source IN ('TAG', 'SUBMIT_INFO', 'OFFICER')),
    ADD COLUMN tags             TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN detail_synced_at TIMESTAMPTZ;
CREATE INDEX followers_village_idx ON zalo.followers (oa_id, village_id) WHERE following;

-- The follower total the sync saw on that day (Vietnam time), beside the follows/unfollows counted from events.
ALTER TABLE zalo.follower_daily_counts ADD COLUMN total INTEGER;

-- One row per OA: when its follower list is due to be read again, and where a sync that ran out of API budget
-- resumes. A node claims the row (next_run_at moves forward in the same statement), so one node syncs an OA.
CREATE TABLE zalo.follower_syncs (
    oa_id             VARCHAR(32) PRIMARY KEY,
    next_run_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    cursor_offset     INTEGER     NOT NULL DEFAULT 0,
    seen_in_run       INTEGER     NOT NULL DEFAULT 0,
    run_started_at    TIMESTAMPTZ,
    last_completed_at TIMESTAMPTZ,
    last_total        INTEGER,
    last_complete     BOOLEAN,
    last_error        TEXT
);

-- The OA's GMF groups as Zalo lists them, and which village community group (directory.community_groups) each is.
CREATE TABLE zalo.groups (
    oa_id              VARCHAR(32) NOT NULL,
    group_id           VARCHAR(32) NOT NULL,
    name               TEXT        NOT NULL,
    status             VARCHAR(32),
    community_group_id BIGINT,
    village_id         BIGINT,
    synced_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (oa_id, group_id)
);
