package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhyen.zalo.BroadcastBatch;
import vn.binhyen.zalo.BroadcastFigures;

/** SQL for bulletin messages in the delivery queue. Recipients travel as one array per page, not row by row. */
@Repository
public class BroadcastQueue {

    private final JdbcClient jdbc;

    BroadcastQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> connectedOaOf(String communeCode) {
        return jdbc.sql("""
                        SELECT oa_id FROM zalo.official_accounts
                         WHERE commune_code = ? AND connection_status = 'CONNECTED' ORDER BY id LIMIT 1
                        """).param(communeCode).query(String.class).optional();
    }

    public List<String> followers(String oaId, String afterUserId, int limit) {
        return jdbc.sql("""
                        SELECT user_id FROM zalo.followers WHERE oa_id = ? AND following AND user_id > ?
                         ORDER BY user_id LIMIT ?
                        """)
                .params(oaId, afterUserId, limit)
                .query(String.class)
                .list();
    }

    public void registerText(long bulletinRef, String text) {
        jdbc.sql("""
                        INSERT INTO zalo.bulletin_texts (bulletin_ref, text) VALUES (?, ?)
                        ON CONFLICT (bulletin_ref) DO UPDATE SET text = EXCLUDED.text
                        """).params(bulletinRef, text).update();
    }

    public int queueResidents(BroadcastBatch batch, List<String> userIds, Instant windowStart) {
        return jdbc.sql("""
                        INSERT INTO zalo.deliveries (idempotency_key, oa_id, target, recipient_id, bulletin_ref,
                            priority, promotional, status, failure, next_attempt_at)
                        SELECT 'bulletin:' || CAST(:ref AS BIGINT) || ':' || u.id, :oa, 'USER', u.id, :ref, 1, :promotional,
                               CASE WHEN f.user_id IS NULL OR NOT f.following
                                         OR f.last_interaction_at IS NULL OR f.last_interaction_at < CAST(:windowStart AS TIMESTAMPTZ)
                                    THEN 'UNREACHABLE' ELSE 'PENDING' END,
                               CASE WHEN f.user_id IS NULL OR NOT f.following THEN 'zalo.bulletin.not-follower'
                                    WHEN f.last_interaction_at IS NULL OR f.last_interaction_at < CAST(:windowStart AS TIMESTAMPTZ)
                                    THEN 'zalo.bulletin.window' END,
                               CASE WHEN CAST(:promotional AS BOOLEAN) AND CAST(:cap AS INTEGER) > 0 AND (
                                         SELECT count(*) FROM zalo.deliveries c
                                          WHERE c.promotional AND c.oa_id = :oa AND c.recipient_id = u.id
                                            AND c.created_at >= CAST(:dayStart AS TIMESTAMPTZ)) >= CAST(:cap AS INTEGER)
                                    THEN CAST(:nextDay AS TIMESTAMPTZ) ELSE CAST(:notBefore AS TIMESTAMPTZ) END
                          FROM unnest(CAST(:ids AS VARCHAR[])) AS u(id)
                          LEFT JOIN zalo.followers f ON f.oa_id = :oa AND f.user_id = u.id
                        ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .param("ref", batch.bulletinRef())
                .param("oa", batch.oaId())
                .param("promotional", batch.promotional())
                .param("windowStart", Timestamp.from(windowStart))
                .param("cap", batch.dailyCap())
                .param("dayStart", Timestamp.from(batch.dayStart()))
                .param("nextDay", Timestamp.from(batch.nextDay()))
                .param("notBefore", Timestamp.from(batch.notBefore()))
                .param("ids", userIds.toArray(String[]::new))
                .update();
    }

    public int queueGroups(BroadcastBatch batch, List<String> groupIds) {
        return jdbc.sql("""
                        INSERT INTO zalo.deliveries (idempotency_key, oa_id, target, recipient_id, bulletin_ref,
                            priority, promotional, next_attempt_at)
                        SELECT 'bulletin:' || CAST(:ref AS BIGINT) || ':group:' || g.id, :oa, 'GROUP', g.id, :ref, 1, FALSE,
                               CAST(:notBefore AS TIMESTAMPTZ)
                          FROM unnest(CAST(:ids AS VARCHAR[])) AS g(id)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .param("ref", batch.bulletinRef())
                .param("oa", batch.oaId())
                .param("notBefore", Timestamp.from(batch.notBefore()))
                .param("ids", groupIds.toArray(String[]::new))
                .update();
    }

    public int cancel(long bulletinRef) {
        return jdbc.sql("""
                        UPDATE zalo.deliveries SET status = 'CANCELLED', failure = 'zalo.bulletin.cancelled'
                         WHERE bulletin_ref = ? AND status = 'PENDING'
                        """).param(bulletinRef).update();
    }

    public BroadcastFigures figures(long bulletinRef) {
        var counts = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE target = 'USER') AS residents,
                               count(*) FILTER (WHERE status = 'PENDING') AS queued,
                               count(*) FILTER (WHERE target = 'USER' AND status = 'SENT') AS sent,
                               count(delivered_at) AS delivered,
                               count(seen_at) AS seen,
                               count(*) FILTER (WHERE status = 'UNREACHABLE') AS unreachable,
                               count(*) FILTER (WHERE status = 'FAILED') AS failed,
                               count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
                               count(*) FILTER (WHERE target = 'GROUP') AS groups,
                               count(*) FILTER (WHERE target = 'GROUP' AND status = 'SENT') AS groups_sent
                          FROM zalo.deliveries WHERE bulletin_ref = ? AND target <> 'BROADCAST'
                        """)
                .param(bulletinRef)
                .query((rs, row) -> new long[] {
                    rs.getLong("residents"),
                    rs.getLong("queued"),
                    rs.getLong("sent"),
                    rs.getLong("delivered"),
                    rs.getLong("seen"),
                    rs.getLong("unreachable"),
                    rs.getLong("failed"),
                    rs.getLong("cancelled"),
                    rs.getLong("groups"),
                    rs.getLong("groups_sent")
                })
                .single();
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT failure, count(*) AS n FROM zalo.deliveries
                         WHERE bulletin_ref = ? AND target <> 'BROADCAST' AND status IN ('UNREACHABLE', 'FAILED')
                           AND failure IS NOT NULL
                         GROUP BY failure ORDER BY n DESC
                        """)
                .param(bulletinRef)
                .query((rs, row) -> reasons.put(rs.getString("failure"), rs.getLong("n")))
                .list();
        return new BroadcastFigures(
                counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8],
                counts[9], reasons);
    }

    public List<String> residentsWhoWroteAfter(long bulletinRef, int limit) {
        return jdbc.sql("""
                        SELECT d.recipient_id FROM zalo.deliveries d
                          JOIN zalo.followers f ON f.oa_id = d.oa_id AND f.user_id = d.recipient_id
                         WHERE d.bulletin_ref = ? AND d.target = 'USER' AND d.status = 'SENT'
                           AND f.last_interaction_at > d.sent_at
                         ORDER BY f.last_interaction_at DESC LIMIT ?
                        """).params(bulletinRef, limit).query(String.class).list();
    }
}
