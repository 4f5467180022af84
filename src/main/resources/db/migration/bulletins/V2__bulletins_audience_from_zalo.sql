-- Bulletins now read who lives in which village from the Zalo channel (zalo.followers.village_id, zalo.groups.village_id,
-- through vn.binhyen.zalo.ZaloAudience). The villages bulletins kept for themselves move there once, without
-- overriding what the channel already knows, and the stopgap tables go. (The zalo migrations run before these, so
-- the columns exist.)
INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, village_id, village_source)
SELECT fv.oa_id, fv.user_id, FALSE, TIMESTAMPTZ 'epoch', fv.village_id, 'OFFICER'
  FROM bulletins.follower_villages fv
ON CONFLICT (oa_id, user_id) DO UPDATE
   SET village_id = EXCLUDED.village_id, village_source = EXCLUDED.village_source
 WHERE zalo.followers.village_id IS NULL;

INSERT INTO zalo.groups (oa_id, group_id, name, synced_at, village_id)
SELECT gv.oa_id, gv.group_id, gv.group_id, now(), gv.village_id
  FROM bulletins.group_villages gv
ON CONFLICT (oa_id, group_id) DO UPDATE
   SET village_id = EXCLUDED.village_id
 WHERE zalo.groups.village_id IS NULL;

DROP TABLE bulletins.follower_villages;
DROP TABLE bulletins.group_villages;
