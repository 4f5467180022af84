package vn.binhyen.zalo;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.zalo.internal.FollowerBook;
import vn.binhyen.zalo.internal.GroupBook;

/**
 * Who a page can reach in a village, as the Zalo channel knows it: followers by the village on their row in
 * {@code zalo.followers} (a tag, a submitted address or an officer's choice) and GMF groups by the village their
 * link to a community group gives them in {@code zalo.groups}. Bulletins read their audience here, in pages.
 */
@Service
public class ZaloAudience {

    private final JdbcClient jdbc;
    private final FollowerBook followers;
    private final GroupBook groups;
    private final Clock clock;

    ZaloAudience(JdbcClient jdbc, FollowerBook followers, GroupBook groups, Clock clock) {
        this.jdbc = jdbc;
        this.followers = followers;
        this.groups = groups;
        this.clock = clock;
    }

    /** Followers of the page placed in one of the villages, ids after {@code afterUserId}, in id order. */
    @Transactional(readOnly = true)
    public List<String> followersInVillages(String oaId, List<Long> villageIds, String afterUserId, int limit) {
        return jdbc.sql("""
                        SELECT user_id FROM zalo.followers
                         WHERE oa_id = ? AND following AND village_id = ANY(?) AND user_id > ?
                         ORDER BY user_id LIMIT ?
                        """)
                .params(oaId, villageIds.toArray(Long[]::new), afterUserId, limit)
                .query(String.class)
                .list();
    }

    /** The page's groups linked to a village: of these villages, or of any village when {@code villageIds} is null. */
    @Transactional(readOnly = true)
    public List<String> groupsOfVillages(String oaId, @Nullable List<Long> villageIds) {
        if (villageIds == null) {
            return jdbc.sql("""
                            SELECT group_id FROM zalo.groups WHERE oa_id = ? AND village_id IS NOT NULL
                             ORDER BY group_id
                            """).param(oaId).query(String.class).list();
        }
        return jdbc.sql("""
                        SELECT group_id FROM zalo.groups WHERE oa_id = ? AND village_id = ANY(?) ORDER BY group_id
                        """)
                .params(oaId, villageIds.toArray(Long[]::new))
                .query(String.class)
                .list();
    }

    /** The village the page knows the user in, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> villageOf(String oaId, String userId) {
        return Optional.ofNullable(followers.villageOf(oaId, userId));
    }

    /** The village of a follower as a Zalo tag puts it (an officer's own choice, made in the console, stays). */
    @Transactional
    public void placeByTag(String oaId, String userId, long villageId) {
        followers.setVillage(oaId, userId, villageId, "TAG");
    }

    /**
     * Records a group the page is in and the village (and its community group, if the directory has one) it
     * belongs to, as an administrator's link does; for the simulator's demo pages, whose groups exist before any sync.
     */
    @Transactional
    public void linkGroup(String oaId, String groupId, String name, @Nullable Long communityGroupId, long villageId) {
        groups.upsert(oaId, groupId, name, null, clock.instant());
        groups.link(oaId, groupId, communityGroupId, villageId);
    }
}
