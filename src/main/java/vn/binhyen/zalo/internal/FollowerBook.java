package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.shared.VietnamTime;

/** Who follows each OA, the daily follow/unfollow counts, and when each user last interacted (the 7-day window). */
@Component
public class FollowerBook {

    private static final Timestamp NEVER = Timestamp.from(Instant.EPOCH);

    private final JdbcClient jdbc;

    FollowerBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies a follow or unfollow. Only an event newer than the last one applied changes the state, so an unfollow
     * delivered before the follow that preceded it still ends as "not following". Counted once per event.
     */
    public void apply(String oaId, String userId, boolean following, Instant eventAt) {
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, last_interaction_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (oa_id, user_id) DO UPDATE
                           SET following = CASE WHEN zalo.followers.last_event_at < EXCLUDED.last_event_at
                                                THEN EXCLUDED.following ELSE zalo.followers.following END,
                               last_event_at = GREATEST(zalo.followers.last_event_at, EXCLUDED.last_event_at),
                               last_interaction_at = GREATEST(zalo.followers.last_interaction_at,
                                                              EXCLUDED.last_interaction_at)
                        """)
                .params(oaId, userId, following, Timestamp.from(eventAt), following ? Timestamp.from(eventAt) : null)
                .update();
        LocalDate day = eventAt.atZone(VietnamTime.ZONE).toLocalDate();
        jdbc.sql("""
                        INSERT INTO zalo.follower_daily_counts (oa_id, day, follows, unfollows) VALUES (?, ?, ?, ?)
                        ON CONFLICT (oa_id, day) DO UPDATE
                           SET follows = zalo.follower_daily_counts.follows + EXCLUDED.follows,
                               unfollows = zalo.follower_daily_counts.unfollows + EXCLUDED.unfollows
                        """).params(oaId, day, following ? 1 : 0, following ? 0 : 1).update();
    }

    /** A message from the user opens (or extends) the window in which the OA may answer. */
    public void noteInteraction(String oaId, String userId, Instant at) {
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, last_interaction_at)
                        VALUES (?, ?, FALSE, ?, ?)
                        ON CONFLICT (oa_id, user_id) DO UPDATE
                           SET last_interaction_at = GREATEST(zalo.followers.last_interaction_at,
                                                              EXCLUDED.last_interaction_at)
                        """).params(oaId, userId, NEVER, Timestamp.from(at)).update();
    }

    /**
     * Remembers the follower's village. What a channel learns (a tag, a submitted address) never replaces an
     * officer's choice; an officer's choice replaces anything.
     */
    public void setVillage(String oaId, String userId, long villageId, String source) {
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, village_id, village_source)
                        VALUES (?, ?, FALSE, ?, ?, ?)
                        ON CONFLICT (oa_id, user_id) DO UPDATE
                           SET village_id = EXCLUDED.village_id, village_source = EXCLUDED.village_source
                         WHERE zalo.followers.village_source IS DISTINCT FROM 'OFFICER' OR EXCLUDED.village_source = 'OFFICER'
                        """).params(oaId, userId, NEVER, villageId, source).update();
    }

    public @Nullable Long villageOf(String oaId, String userId) {
        return jdbc.sql("SELECT village_id FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                .params(oaId, userId)
                .query((rs, row) -> rs.getObject(1, Long.class))
                .optional()
                .orElse(null);
    }

    public void addTag(String oaId, String userId, String tag) {
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, tags)
                        VALUES (?, ?, FALSE, ?, ARRAY[?]::TEXT[])
                        ON CONFLICT (oa_id, user_id) DO UPDATE
                           SET tags = CASE WHEN ? = ANY(zalo.followers.tags) THEN zalo.followers.tags
                                           ELSE array_append(zalo.followers.tags, ?) END
                        """).params(oaId, userId, NEVER, tag, tag, tag).update();
    }

    public List<String> tagsOf(String oaId, String userId) {
        return jdbc.sql("SELECT unnest(tags) FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                .params(oaId, userId)
                .query(String.class)
                .list();
    }

    public void removeTag(String oaId, String userId, String tag) {
        jdbc.sql("UPDATE zalo.followers SET tags = array_remove(tags, ?) WHERE oa_id = ? AND user_id = ?")
                .params(tag, oaId, userId)
                .update();
    }

    /** What the follower sync read from Zalo: the user follows, and these are their tags now. */
    public void saveDetail(String oaId, String userId, List<String> tags, Instant now) {
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, tags, detail_synced_at)
                        VALUES (?, ?, TRUE, ?, ?::TEXT[], ?)
                        ON CONFLICT (oa_id, user_id) DO UPDATE
                           SET following = CASE WHEN zalo.followers.last_event_at <= EXCLUDED.last_event_at
                                                THEN TRUE ELSE zalo.followers.following END,
                               tags = EXCLUDED.tags, detail_synced_at = EXCLUDED.detail_synced_at
                        """)
                .params(oaId, userId, Timestamp.from(now), pgArray(tags), Timestamp.from(now))
                .update();
    }

    /** The sync saw these users in Zalo's follower list: they follow (unless a later unfollow event says not). */
    public void markListed(String oaId, List<String> userIds, Instant now) {
        if (userIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, listed_at)
                        SELECT ?, u, TRUE, ?, ? FROM unnest(?::TEXT[]) AS u
                        ON CONFLICT (oa_id, user_id) DO UPDATE
                           SET following = CASE WHEN zalo.followers.last_event_at <= EXCLUDED.last_event_at
                                                THEN TRUE ELSE zalo.followers.following END,
                               listed_at = EXCLUDED.listed_at
                        """)
                .params(oaId, Timestamp.from(now), Timestamp.from(now), pgArray(userIds))
                .update();
    }

    /** Of these users, those whose details (tags) were never read, or not since {@code staleBefore}. */
    public List<String> needingDetail(String oaId, List<String> userIds, Instant staleBefore) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT user_id FROM zalo.followers
                         WHERE oa_id = ? AND user_id = ANY(?::TEXT[])
                           AND (detail_synced_at IS NULL OR detail_synced_at < ?)
                         ORDER BY user_id
                        """)
                .params(oaId, pgArray(userIds), Timestamp.from(staleBefore))
                .query(String.class)
                .list();
    }

    /**
     * After a complete sync: followers Zalo no longer lists (and no event or message from them since the sync began)
     * do not follow.
     */
    public int markUnlisted(String oaId, Instant syncStartedAt) {
        Timestamp started = Timestamp.from(syncStartedAt);
        return jdbc.sql("""
                        UPDATE zalo.followers SET following = FALSE
                         WHERE oa_id = ? AND following
                           AND (listed_at IS NULL OR listed_at < ?) AND last_event_at < ?
                           AND (last_interaction_at IS NULL OR last_interaction_at < ?)
                        """).params(oaId, started, started, started).update();
    }

    public void recordTotal(String oaId, LocalDate day, int total) {
        jdbc.sql("""
                        INSERT INTO zalo.follower_daily_counts (oa_id, day, total) VALUES (?, ?, ?)
                        ON CONFLICT (oa_id, day) DO UPDATE SET total = EXCLUDED.total
                        """).params(oaId, day, total).update();
    }

    public record DayCount(
            LocalDate day,
            int follows,
            int unfollows,
            @Nullable Integer total) {}

    public List<DayCount> history(String oaId, int days) {
        return jdbc.sql("""
                        SELECT day, follows, unfollows, total FROM zalo.follower_daily_counts
                         WHERE oa_id = ? ORDER BY day DESC LIMIT ?
                        """)
                .params(oaId, days)
                .query((rs, row) -> new DayCount(
                        rs.getDate("day").toLocalDate(),
                        rs.getInt("follows"),
                        rs.getInt("unfollows"),
                        rs.getObject("total", Integer.class)))
                .list();
    }

    /** Followers per village id (null: village unknown). */
    public Map<@Nullable Long, Integer> followersByVillage(String oaId) {
        Map<@Nullable Long, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT village_id, count(*) AS n FROM zalo.followers WHERE oa_id = ? AND following
                         GROUP BY village_id ORDER BY count(*) DESC
                        """)
                .param(oaId)
                .query((rs, row) -> {
                    counts.put(rs.getObject("village_id", Long.class), rs.getInt("n"));
                    return null;
                })
                .list();
        return counts;
    }

    static String pgArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return out.append('}').toString();
    }

    public int followerCount(String oaId) {
        return jdbc.sql("SELECT count(*) FROM zalo.followers WHERE oa_id = ? AND following")
                .param(oaId)
                .query(Integer.class)
                .single();
    }
}
