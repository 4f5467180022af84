-- Zalo's user/getlist stops at offset 9,951, so a page with more followers is read in segments: periods of last
-- interaction ("YYYY_MM_DD:YYYY_MM_DD"), each small enough to page through. The plan is kept so a sync that ran out
-- of API budget resumes in the segment where it stopped. An empty period means the whole list, unsegmented.
ALTER TABLE zalo.follower_syncs
    ADD COLUMN segments       TEXT[],
    ADD COLUMN segment_index  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN plan_complete  BOOLEAN;

-- When a sync last saw the follower in Zalo's list (details such as tags are read again only now and then).
ALTER TABLE zalo.followers ADD COLUMN listed_at TIMESTAMPTZ;
