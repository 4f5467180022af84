package vn.binhyen.zalo.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhyen.zalo.ArticleView;

/** SQL for bulletins' articles: one row per (bulletin, page), worked as a state machine by {@link ArticleWorker}. */
@Repository
public class ArticleQueue {

    /** Idempotency keys of article broadcasts in the delivery queue: one per bulletin and page. */
    static String broadcastKey(long bulletinRef, String oaId) {
        return "broadcast:" + bulletinRef + ":" + oaId;
    }

    private final JdbcClient jdbc;

    ArticleQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Job(
            long bulletinRef,
            String oaId,
            ArticleView.State state,
            String content,
            boolean pendingUpdate,
            boolean removalRequested,
            @Nullable String token,
            @Nullable String articleId,
            @Nullable String broadcastTarget,
            boolean promotional,
            @Nullable Instant broadcastNotBefore,
            int attempts) {

        @Override
        public String toString() {
            return "Article[" + bulletinRef + ", " + oaId + ", " + state + "]";
        }
    }

    /** @return whether the row is new (a bulletin publishes its article on a page once) */
    public boolean insert(
            long bulletinRef,
            String oaId,
            String content,
            @Nullable String broadcastTarget,
            boolean promotional,
            @Nullable Instant broadcastNotBefore) {
        return jdbc.sql("""
                                INSERT INTO zalo.articles (bulletin_ref, oa_id, state, content, broadcast_target,
                                    promotional, broadcast_not_before)
                                VALUES (?, ?, 'CREATE', ?, ?, ?, ?)
                                ON CONFLICT (bulletin_ref, oa_id) DO NOTHING
                                """)
                        .params(
                                bulletinRef,
                                oaId,
                                content,
                                broadcastTarget,
                                promotional,
                                broadcastNotBefore == null ? null : Timestamp.from(broadcastNotBefore))
                        .update()
                == 1;
    }

    /**
     * New content for a page's article: sent as an update once the article exists; while Zalo still processes the
     * previous version it is remembered and sent after.
     */
    public int correct(long bulletinRef, String oaId, String content) {
        return jdbc.sql("""
                        UPDATE zalo.articles SET content = ?,
                               pending_update = (state = 'VERIFY'),
                               state = CASE WHEN state = 'LIVE' THEN 'UPDATE' ELSE state END,
                               attempts = CASE WHEN state = 'LIVE' THEN 0 ELSE attempts END,
                               next_attempt_at = CASE WHEN state = 'LIVE' THEN now() ELSE next_attempt_at END
                         WHERE bulletin_ref = ? AND oa_id = ? AND state IN ('CREATE', 'VERIFY', 'UPDATE', 'LIVE')
                        """).params(content, bulletinRef, oaId).update();
    }

    /** Takes the bulletin's articles down (an article Zalo has not built yet comes down once it has an id). */
    public int remove(long bulletinRef) {
        return jdbc.sql("""
                        UPDATE zalo.articles SET removal_requested = TRUE,
                               state = CASE WHEN state = 'CREATE' THEN 'REMOVED'
                                            WHEN state IN ('LIVE', 'UPDATE') THEN 'REMOVE' ELSE state END,
                               attempts = 0, next_attempt_at = now()
                         WHERE bulletin_ref = ? AND state NOT IN ('REMOVED', 'FAILED')
                        """).param(bulletinRef).update();
    }

    /** Due rows, locked until the caller's transaction ends; other nodes skip them. */
    public List<Job> claim(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM zalo.articles
                         WHERE state IN ('CREATE', 'VERIFY', 'UPDATE', 'REMOVE') AND next_attempt_at <= ?
                         ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED
                        """)
                .params(Timestamp.from(now), limit)
                .query(ArticleQueue::job)
                .list();
    }

    /** Zalo took the article (or its change) and is processing it: verify from {@code next}. */
    public void submitted(Job job, String token, Instant next) {
        jdbc.sql("""
                        UPDATE zalo.articles SET state = 'VERIFY', token = ?, pending_update = FALSE, attempts = 0,
                               next_attempt_at = ?, last_error_code = NULL WHERE bulletin_ref = ? AND oa_id = ?
                        """)
                .params(token, Timestamp.from(next), job.bulletinRef(), job.oaId())
                .update();
    }

    /** Zalo gave the article's id; the row moves on to {@code state} (LIVE, or UPDATE/REMOVE asked meanwhile). */
    public void verified(Job job, String articleId, ArticleView.State state, Instant now) {
        jdbc.sql("""
                        UPDATE zalo.articles SET state = ?, article_id = ?, token = NULL, attempts = 0,
                               next_attempt_at = ?, last_error_code = NULL WHERE bulletin_ref = ? AND oa_id = ?
                        """)
                .params(state.name(), articleId, Timestamp.from(now), job.bulletinRef(), job.oaId())
                .update();
    }

    public void moved(Job job, ArticleView.State state) {
        jdbc.sql("UPDATE zalo.articles SET state = ?, last_error_code = NULL WHERE bulletin_ref = ? AND oa_id = ?")
                .params(state.name(), job.bulletinRef(), job.oaId())
                .update();
    }

    /** Tries again at {@code next}; {@code countAttempt} is false when only the budget or Zalo's rate said wait. */
    public void postpone(Job job, Instant next, @Nullable Integer errorCode, boolean countAttempt) {
        jdbc.sql("""
                        UPDATE zalo.articles SET next_attempt_at = ?, last_error_code = ?,
                               attempts = attempts + CASE WHEN ? THEN 1 ELSE 0 END
                         WHERE bulletin_ref = ? AND oa_id = ?
                        """)
                .params(Timestamp.from(next), errorCode, countAttempt, job.bulletinRef(), job.oaId())
                .update();
    }

    public void failed(Job job, @Nullable Integer errorCode, String failureKey) {
        jdbc.sql("""
                        UPDATE zalo.articles SET state = 'FAILED', last_error_code = ?, failure = ?
                         WHERE bulletin_ref = ? AND oa_id = ?
                        """)
                .params(errorCode, failureKey, job.bulletinRef(), job.oaId())
                .update();
    }

    /** The bulletin's articles with their broadcasts' delivery rows, by page. */
    public List<ArticleView> views(long bulletinRef) {
        return jdbc.sql("""
                        SELECT a.oa_id, a.state, a.article_id, a.failure, a.last_error_code, a.broadcast_target,
                               a.broadcast_not_before, d.status AS b_status, d.next_attempt_at AS b_next, d.sent_at,
                               d.zalo_message_id, d.failure AS b_failure, d.last_error_code AS b_error
                          FROM zalo.articles a
                          LEFT JOIN zalo.deliveries d
                            ON d.idempotency_key = 'broadcast:' || a.bulletin_ref || ':' || a.oa_id
                         WHERE a.bulletin_ref = ? ORDER BY a.oa_id
                        """)
                .param(bulletinRef)
                .query((rs, n) -> new ArticleView(
                        rs.getString("oa_id"),
                        ArticleView.State.valueOf(rs.getString("state")),
                        rs.getString("article_id"),
                        rs.getString("failure"),
                        rs.getObject("last_error_code", Integer.class),
                        broadcast(rs)))
                .list();
    }

    private static ArticleView.@Nullable Broadcast broadcast(ResultSet rs) throws SQLException {
        if (rs.getString("broadcast_target") == null) {
            return null;
        }
        String status = rs.getString("b_status");
        if (status == null) {
            return new ArticleView.Broadcast(
                    "WAITING_ARTICLE", instant(rs.getTimestamp("broadcast_not_before")), null, null, null, null);
        }
        return new ArticleView.Broadcast(
                status,
                instant(rs.getTimestamp("b_next")),
                instant(rs.getTimestamp("sent_at")),
                rs.getString("zalo_message_id"),
                rs.getString("b_failure"),
                rs.getObject("b_error", Integer.class));
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        return new Job(
                rs.getLong("bulletin_ref"),
                rs.getString("oa_id"),
                ArticleView.State.valueOf(rs.getString("state")),
                rs.getString("content"),
                rs.getBoolean("pending_update"),
                rs.getBoolean("removal_requested"),
                rs.getString("token"),
                rs.getString("article_id"),
                rs.getString("broadcast_target"),
                rs.getBoolean("promotional"),
                instant(rs.getTimestamp("broadcast_not_before")),
                rs.getInt("attempts"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
