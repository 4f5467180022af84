package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

    public int followerCount(String oaId) {
        return jdbc.sql("SELECT count(*) FROM zalo.followers WHERE oa_id = ? AND following")
                .param(oaId)
                .query(Integer.class)
                .single();
    }
}
