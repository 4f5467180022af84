package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The OA's GMF groups as Zalo lists them, and the village community group each one is linked to. */
@Repository
public class GroupBook {

    private final JdbcClient jdbc;

    GroupBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record GroupRow(
            String oaId,
            String groupId,
            String name,
            @Nullable String status,
            @Nullable Long communityGroupId,
            @Nullable Long villageId,
            Instant syncedAt) {}

    public void upsert(String oaId, String groupId, String name, @Nullable String status, Instant now) {
        jdbc.sql("""
                        INSERT INTO zalo.groups (oa_id, group_id, name, status, synced_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (oa_id, group_id) DO UPDATE
                           SET name = EXCLUDED.name, status = EXCLUDED.status, synced_at = EXCLUDED.synced_at
                        """).params(oaId, groupId, name, status, Timestamp.from(now)).update();
    }

    public void link(String oaId, String groupId, @Nullable Long communityGroupId, @Nullable Long villageId) {
        jdbc.sql("UPDATE zalo.groups SET community_group_id = ?, village_id = ? WHERE oa_id = ? AND group_id = ?")
                .params(communityGroupId, villageId, oaId, groupId)
                .update();
    }

    public List<GroupRow> groupsOf(String oaId) {
        return jdbc.sql("SELECT * FROM zalo.groups WHERE oa_id = ? ORDER BY name")
                .param(oaId)
                .query(GroupRow.class)
                .list();
    }

    public Optional<GroupRow> group(String oaId, String groupId) {
        return jdbc.sql("SELECT * FROM zalo.groups WHERE oa_id = ? AND group_id = ?")
                .params(oaId, groupId)
                .query(GroupRow.class)
                .optional();
    }

    public @Nullable Long villageOf(String oaId, String groupId) {
        return group(oaId, groupId).map(GroupRow::villageId).orElse(null);
    }
}
