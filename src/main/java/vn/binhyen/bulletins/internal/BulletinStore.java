package vn.binhyen.bulletins.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.bulletins.BulletinStatus;
import vn.binhyen.bulletins.BulletinView;
import vn.binhyen.directory.OfficerRole;

/** SQL for bulletins, their audience and fan-out cursors (who lives in which village is the Zalo channel's). */
@Repository
public class BulletinStore {

    private final JdbcClient jdbc;

    BulletinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            long id,
            BulletinKind kind,
            String title,
            String body,
            BulletinStatus status,
            String provinceCode,
            @Nullable String homeCommuneCode,
            boolean provinceWide,
            boolean toFollowers,
            boolean toGroups,
            boolean toArticle,
            boolean toBroadcast,
            long authorId,
            String authorName,
            @Nullable Long approverId,
            @Nullable String approverName,
            @Nullable String rejectionReason,
            boolean needsReview,
            @Nullable Instant reviewedAt,
            @Nullable Instant publishAt,
            @Nullable Instant publishedAt,
            @Nullable Long correctsId,
            @Nullable Long correctedById,
            Instant createdAt) {}

    /** Where a bulletin goes besides the portal. */
    public record Channels(boolean toFollowers, boolean toGroups, boolean toArticle, boolean toBroadcast) {

        public static Channels of(vn.binhyen.bulletins.Audience audience) {
            return new Channels(
                    audience.toFollowers(), audience.toGroups(), audience.toArticle(), audience.toBroadcast());
        }
    }

    public long insert(
            BulletinKind kind,
            String title,
            String body,
            AudiencePolicy.Resolved audience,
            Channels channels,
            long authorId,
            String authorName,
            @Nullable Instant publishAt,
            @Nullable Long correctsId,
            Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO bulletins.bulletins (kind, title, body, status, province_code, home_commune_code,
                            province_wide, to_followers, to_groups, to_article, to_broadcast, author_id, author_name,
                            publish_at, corrects_id, created_at, updated_at)
                        VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(
                        kind.name(),
                        title,
                        body,
                        audience.provinceCode(),
                        audience.homeCommune(),
                        audience.provinceWide(),
                        channels.toFollowers(),
                        channels.toGroups(),
                        channels.toArticle(),
                        channels.toBroadcast(),
                        authorId,
                        authorName,
                        ts(publishAt),
                        correctsId,
                        ts(now),
                        ts(now))
                .query(Long.class)
                .single();
        saveAudience(id, audience);
        return id;
    }

    public void update(
            long id,
            BulletinKind kind,
            String title,
            String body,
            AudiencePolicy.Resolved audience,
            Channels channels,
            @Nullable Instant publishAt,
            Instant now) {
        jdbc.sql("""
                        UPDATE bulletins.bulletins SET kind = ?, title = ?, body = ?, province_code = ?,
                               home_commune_code = ?, province_wide = ?, to_followers = ?, to_groups = ?,
                               to_article = ?, to_broadcast = ?, publish_at = ?, status = 'DRAFT',
                               rejection_reason = NULL, updated_at = ?
                         WHERE id = ?
                        """)
                .params(
                        kind.name(),
                        title,
                        body,
                        audience.provinceCode(),
                        audience.homeCommune(),
                        audience.provinceWide(),
                        channels.toFollowers(),
                        channels.toGroups(),
                        channels.toArticle(),
                        channels.toBroadcast(),
                        ts(publishAt),
                        ts(now),
                        id)
                .update();
        jdbc.sql("DELETE FROM bulletins.audience_communes WHERE bulletin_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM bulletins.audience_villages WHERE bulletin_id = ?")
                .param(id)
                .update();
        saveAudience(id, audience);
    }

    private void saveAudience(long id, AudiencePolicy.Resolved audience) {
        if (!audience.provinceWide()) {
            for (String commune : audience.wholeCommunes()) {
                jdbc.sql("INSERT INTO bulletins.audience_communes (bulletin_id, commune_code) VALUES (?, ?)")
                        .params(id, commune)
                        .update();
            }
        }
        for (var entry : audience.villages().entrySet()) {
            for (Long village : entry.getValue()) {
                jdbc.sql("INSERT INTO bulletins.audience_villages (bulletin_id, village_id, commune_code)"
                                + " VALUES (?, ?, ?)")
                        .params(id, village, entry.getKey())
                        .update();
            }
        }
    }

    /** Reads and locks the bulletin for a state change. */
    public Optional<Row> lock(long id) {
        return jdbc.sql("SELECT * FROM bulletins.bulletins WHERE id = ? FOR UPDATE")
                .param(id)
                .query(BulletinStore::row)
                .optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM bulletins.bulletins WHERE id = ?")
                .param(id)
                .query(BulletinStore::row)
                .optional();
    }

    public void move(long id, BulletinStatus status, Instant now) {
        jdbc.sql("UPDATE bulletins.bulletins SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), ts(now), id)
                .update();
    }

    public void submitted(long id, BulletinStatus status, boolean needsReview, Instant now) {
        jdbc.sql("UPDATE bulletins.bulletins SET status = ?, needs_review = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), needsReview, ts(now), id)
                .update();
    }

    public void decided(
            long id,
            BulletinStatus status,
            long approverId,
            String approverName,
            @Nullable String reason,
            Instant now) {
        jdbc.sql("""
                        UPDATE bulletins.bulletins SET status = ?, approver_id = ?, approver_name = ?,
                               rejection_reason = ?, decided_at = ?, updated_at = ? WHERE id = ?
                        """)
                .params(status.name(), approverId, approverName, reason, ts(now), ts(now), id)
                .update();
    }

    public void published(long id, Instant now) {
        jdbc.sql("""
                        UPDATE bulletins.bulletins SET status = 'PUBLISHED', published_at = ?, updated_at = ?
                         WHERE id = ?
                        """).params(ts(now), ts(now), id).update();
    }

    public void corrected(long oldId, long newId) {
        jdbc.sql("UPDATE bulletins.bulletins SET corrected_by_id = ? WHERE id = ?")
                .params(newId, oldId)
                .update();
    }

    public void reviewed(long id, long officerId, Instant now) {
        jdbc.sql("UPDATE bulletins.bulletins SET reviewed_by = ?, reviewed_at = ? WHERE id = ?")
                .params(officerId, ts(now), id)
                .update();
    }

    /** Scheduled bulletins whose time has come, locked so one node publishes each. */
    public List<Long> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM bulletins.bulletins WHERE status = 'SCHEDULED' AND publish_at <= ?
                         ORDER BY publish_at, id LIMIT ? FOR UPDATE SKIP LOCKED
                        """).params(ts(now), limit).query(Long.class).list();
    }

    public Set<String> wholeCommunes(long id) {
        return Set.copyOf(jdbc.sql("SELECT commune_code FROM bulletins.audience_communes WHERE bulletin_id = ?")
                .param(id)
                .query(String.class)
                .list());
    }

    public List<Long> villagesIn(long id, String communeCode) {
        return jdbc.sql("""
                        SELECT village_id FROM bulletins.audience_villages WHERE bulletin_id = ? AND commune_code = ?
                         ORDER BY village_id
                        """).params(id, communeCode).query(Long.class).list();
    }

    /** Bulletins an officer sees in the console: their own units' (the province's for the command). */
    public List<Row> visibleTo(AccessScope scope, int limit) {
        return visible(scope, null, limit);
    }

    public boolean isVisible(AccessScope scope, long id) {
        return !visible(scope, id, 1).isEmpty();
    }

    private List<Row> visible(AccessScope scope, @Nullable Long id, int limit) {
        String only = id == null ? "" : " AND b.id = :id";
        if (scope.role() == OfficerRole.PROVINCE_COMMAND) {
            var statement = jdbc.sql("SELECT * FROM bulletins.bulletins b WHERE b.province_code = :province" + only
                            + " AND (b.status NOT IN ('DRAFT', 'CANCELLED') OR b.author_id = :officer)"
                            + " ORDER BY b.created_at DESC LIMIT :limit")
                    .param("province", scope.provinceCode())
                    .param("officer", scope.officerId())
                    .param("limit", limit);
            return (id == null ? statement : statement.param("id", id))
                    .query(BulletinStore::row)
                    .list();
        }
        var statement = jdbc.sql("""
                        SELECT * FROM bulletins.bulletins b
                         WHERE b.province_code = :province""" + only + """

                           AND (b.home_commune_code = :commune OR b.province_wide OR b.author_id = :officer
                                OR EXISTS (SELECT 1 FROM bulletins.audience_communes c
                                            WHERE c.bulletin_id = b.id AND c.commune_code = :commune)
                                OR EXISTS (SELECT 1 FROM bulletins.audience_villages v
                                            WHERE v.bulletin_id = b.id AND v.commune_code = :commune))
                           AND (b.status NOT IN ('DRAFT', 'CANCELLED') OR b.author_id = :officer)
                         ORDER BY b.created_at DESC LIMIT :limit
                        """)
                .param("province", scope.provinceCode())
                .param("commune", scope.unitCode())
                .param("officer", scope.officerId())
                .param("limit", limit);
        return (id == null ? statement : statement.param("id", id))
                .query(BulletinStore::row)
                .list();
    }

    /** Published bulletins a commune's residents see: the commune's, its villages' and the province's. */
    public List<Row> publishedFor(String provinceCode, String communeCode, int limit) {
        return jdbc.sql("""
                        SELECT * FROM bulletins.bulletins b
                         WHERE b.status = 'PUBLISHED' AND b.province_code = :province
                           AND (b.province_wide
                                OR EXISTS (SELECT 1 FROM bulletins.audience_communes c
                                            WHERE c.bulletin_id = b.id AND c.commune_code = :commune)
                                OR EXISTS (SELECT 1 FROM bulletins.audience_villages v
                                            WHERE v.bulletin_id = b.id AND v.commune_code = :commune))
                         ORDER BY b.published_at DESC LIMIT :limit
                        """)
                .param("province", provinceCode)
                .param("commune", communeCode)
                .param("limit", limit)
                .query(BulletinStore::row)
                .list();
    }

    public void countView(long id, LocalDate day) {
        jdbc.sql("""
                        INSERT INTO bulletins.page_views (bulletin_id, day, views) VALUES (?, ?, 1)
                        ON CONFLICT (bulletin_id, day) DO UPDATE SET views = bulletins.page_views.views + 1
                        """).params(id, day).update();
    }

    public long views(long id) {
        return jdbc.sql("SELECT coalesce(sum(views), 0) FROM bulletins.page_views WHERE bulletin_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    // --- fan-out ---

    public void openFanout(long bulletinId, String oaId, String communeCode) {
        jdbc.sql("""
                        INSERT INTO bulletins.fanouts (bulletin_id, oa_id, commune_code) VALUES (?, ?, ?)
                        ON CONFLICT (bulletin_id, oa_id) DO NOTHING
                        """).params(bulletinId, oaId, communeCode).update();
    }

    public record Fanout(
            long bulletinId, String oaId, String communeCode, String afterUser, boolean groupsDone, long written) {}

    /** Claims one unfinished fan-out step; the row stays locked (other nodes take another) until commit. */
    public Optional<Fanout> claimFanout() {
        return jdbc.sql("""
                        SELECT f.bulletin_id, f.oa_id, f.commune_code, f.after_user, f.groups_done, f.written
                          FROM bulletins.fanouts f WHERE NOT f.done
                         ORDER BY f.bulletin_id, f.oa_id LIMIT 1 FOR UPDATE SKIP LOCKED
                        """).query(Fanout.class).optional();
    }

    public void advanceFanout(
            long bulletinId, String oaId, String afterUser, boolean groupsDone, long written, boolean done) {
        jdbc.sql("""
                        UPDATE bulletins.fanouts SET after_user = ?, groups_done = ?, written = written + ?, done = ?
                         WHERE bulletin_id = ? AND oa_id = ?
                        """)
                .params(afterUser, groupsDone, written, done, bulletinId, oaId)
                .update();
    }

    public void closeFanouts(long bulletinId) {
        jdbc.sql("UPDATE bulletins.fanouts SET done = TRUE WHERE bulletin_id = ?")
                .param(bulletinId)
                .update();
    }

    /** Whether every fan-out of the bulletin has written all its recipients (and there was at least none to do). */
    public boolean fanoutDone(long bulletinId) {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM bulletins.fanouts WHERE bulletin_id = ? AND NOT done)")
                .param(bulletinId)
                .query(Boolean.class)
                .single();
    }

    // --- requests for assistance ---

    public void assistanceRequest(long bulletinId, long requestId) {
        jdbc.sql("UPDATE bulletins.bulletins SET assistance_request_id = ? WHERE id = ?")
                .params(requestId, bulletinId)
                .update();
    }

    public Optional<Long> assistanceRequestOf(long bulletinId) {
        return jdbc.sql("SELECT assistance_request_id FROM bulletins.bulletins WHERE id = ?")
                .param(bulletinId)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .optional();
    }

    // --- replies ---

    public void linkReply(long bulletinId, long threadId, long messageId, boolean quoted, Instant sentAt) {
        jdbc.sql("""
                        INSERT INTO bulletins.replies (message_id, bulletin_id, thread_id, quoted, sent_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING
                        """)
                .params(messageId, bulletinId, threadId, quoted, ts(sentAt))
                .update();
    }

    public record ReplyRow(long threadId, long messageId, boolean quoted, Instant sentAt) {}

    /** The bulletin's replies, newest first. */
    public List<ReplyRow> replies(long bulletinId, int limit) {
        return jdbc.sql("""
                        SELECT thread_id, message_id, quoted, sent_at FROM bulletins.replies
                         WHERE bulletin_id = ? ORDER BY sent_at DESC, message_id DESC LIMIT ?
                        """)
                .params(bulletinId, limit)
                .query((rs, n) -> new ReplyRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public long replyCount(long bulletinId) {
        return jdbc.sql("SELECT count(*) FROM bulletins.replies WHERE bulletin_id = ?")
                .param(bulletinId)
                .query(Long.class)
                .single();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                BulletinKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                BulletinStatus.valueOf(rs.getString("status")),
                rs.getString("province_code"),
                rs.getString("home_commune_code"),
                rs.getBoolean("province_wide"),
                rs.getBoolean("to_followers"),
                rs.getBoolean("to_groups"),
                rs.getBoolean("to_article"),
                rs.getBoolean("to_broadcast"),
                rs.getLong("author_id"),
                rs.getString("author_name"),
                rs.getObject("approver_id", Long.class),
                rs.getString("approver_name"),
                rs.getString("rejection_reason"),
                rs.getBoolean("needs_review"),
                instant(rs.getTimestamp("reviewed_at")),
                instant(rs.getTimestamp("publish_at")),
                instant(rs.getTimestamp("published_at")),
                rs.getObject("corrects_id", Long.class),
                rs.getObject("corrected_by_id", Long.class),
                rs.getTimestamp("created_at").toInstant());
    }

    public BulletinView view(Row row) {
        var villages = jdbc.sql("SELECT village_id FROM bulletins.audience_villages WHERE bulletin_id = ?"
                        + " ORDER BY village_id")
                .param(row.id())
                .query(Long.class)
                .list();
        var communes = jdbc.sql("SELECT commune_code FROM bulletins.audience_communes WHERE bulletin_id = ?"
                        + " ORDER BY commune_code")
                .param(row.id())
                .query(String.class)
                .list();
        return new BulletinView(
                row.id(),
                row.kind(),
                row.title(),
                row.body(),
                Markup.toHtml(row.body()),
                row.status(),
                row.provinceCode(),
                row.homeCommuneCode(),
                row.provinceWide(),
                communes,
                villages,
                row.toFollowers(),
                row.toGroups(),
                row.toArticle(),
                row.toBroadcast(),
                row.authorId(),
                row.authorName(),
                row.approverName(),
                row.rejectionReason(),
                row.needsReview(),
                row.reviewedAt(),
                row.publishAt(),
                row.publishedAt(),
                row.correctsId(),
                row.correctedById(),
                row.createdAt());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
