package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable queue of messages BinhYen sends through Zalo. The idempotency key (for example "reply:42") makes
 * enqueueing the same send twice a no-op, so a redelivered event or a double click still sends one message.
 */
@Repository
public class DeliveryQueue {

    /** Idempotency keys of reporter notices: "notice:" and the notice key the reports module chose. */
    static final String NOTICE_PREFIX = "notice:";

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Target {
        USER,
        GROUP,
        /** An article broadcast: the recipient is the article, the text the broadcast's target (JSON). */
        BROADCAST
    }

    public boolean enqueue(
            String idempotencyKey,
            String oaId,
            Target target,
            String recipientId,
            String text,
            @Nullable Long replyRef) {
        return jdbc.sql("""
                                INSERT INTO zalo.deliveries (idempotency_key, oa_id, target, recipient_id, text, reply_ref)
                                VALUES (?, ?, ?, ?, ?, ?)
                                ON CONFLICT (idempotency_key) DO NOTHING
                                """)
                        .params(idempotencyKey, oaId, target.name(), recipientId, text, replyRef)
                        .update()
                == 1;
    }

    /**
     * Queues a page's broadcast of a bulletin's article, once per bulletin and page whoever calls it how often.
     *
     * @return whether it was queued now
     */
    public boolean enqueueBroadcast(
            String idempotencyKey,
            String oaId,
            String articleId,
            String target,
            long bulletinRef,
            boolean promotional,
            Instant notBefore) {
        return jdbc.sql("""
                                INSERT INTO zalo.deliveries (idempotency_key, oa_id, target, recipient_id, text,
                                    bulletin_ref, priority, promotional, next_attempt_at)
                                VALUES (?, ?, 'BROADCAST', ?, ?, ?, 1, ?, ?)
                                ON CONFLICT (idempotency_key) DO NOTHING
                                """)
                        .params(
                                idempotencyKey,
                                oaId,
                                articleId,
                                target,
                                bulletinRef,
                                promotional,
                                Timestamp.from(notBefore))
                        .update()
                == 1;
    }

    /**
     * Queues an urgent alert to an officer's own Zalo account, ahead of bulletins; its outcome is reported to the
     * alert.
     */
    public boolean enqueueAlert(
            String idempotencyKey, String oaId, String userId, String text, long incidentId, long officerId) {
        return jdbc.sql("""
                                INSERT INTO zalo.deliveries (idempotency_key, oa_id, target, recipient_id, text,
                                    alert_incident, alert_officer)
                                VALUES (?, ?, 'USER', ?, ?, ?, ?)
                                ON CONFLICT (idempotency_key) DO NOTHING
                                """)
                        .params(idempotencyKey, oaId, userId, text, incidentId, officerId)
                        .update()
                == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries, replies (priority 0) before bulletins; the rows stay locked until the
     * caller's transaction ends, and other nodes skip them. A bulletin row reads its text from the bulletin's text.
     */
    public List<Delivery> claimBatch(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.oa_id, d.target, d.recipient_id, COALESCE(d.text, t.text) AS text, d.reply_ref,
                               d.bulletin_ref, d.promotional, d.attempts, d.alert_incident, d.alert_officer, d.idempotency_key
                          FROM zalo.deliveries d LEFT JOIN zalo.bulletin_texts t ON t.bulletin_ref = d.bulletin_ref
                         WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
                         ORDER BY d.priority, d.next_attempt_at, d.id
                         LIMIT ? FOR UPDATE OF d SKIP LOCKED
                        """)
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new Delivery(
                        rs.getLong("id"),
                        rs.getString("oa_id"),
                        Target.valueOf(rs.getString("target")),
                        rs.getString("recipient_id"),
                        rs.getString("text") == null ? "" : rs.getString("text"),
                        rs.getObject("reply_ref", Long.class),
                        rs.getObject("bulletin_ref", Long.class),
                        rs.getBoolean("promotional"),
                        rs.getInt("attempts"),
                        rs.getObject("alert_incident", Long.class),
                        rs.getObject("alert_officer", Long.class),
                        rs.getString("idempotency_key")))
                .list();
    }

    /** A delivery Zalo accepted, with the message id its receipts will name. */
    public record Sent(long id, @Nullable String zaloMessageId) {}

    /** Records a batch's sends in one statement: a bulletin's batch is 64 rows, and a round trip each was most of it. */
    public void markSent(List<Sent> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE zalo.deliveries d SET status = 'SENT', zalo_message_id = s.message_id, sent_at = ?,
                               attempts = d.attempts + 1, last_error_code = NULL
                          FROM unnest(CAST(? AS BIGINT[]), CAST(? AS VARCHAR[])) AS s(id, message_id)
                         WHERE d.id = s.id
                        """)
                .params(
                        Timestamp.from(now),
                        sent.stream().map(Sent::id).toArray(Long[]::new),
                        sent.stream().map(Sent::zaloMessageId).toArray(String[]::new))
                .update();
    }

    public void markFailed(long id, @Nullable Integer errorCode, String failure) {
        jdbc.sql("""
                        UPDATE zalo.deliveries SET status = 'FAILED', attempts = attempts + 1, last_error_code = ?,
                               failure = ? WHERE id = ?
                        """).params(errorCode, failure, id).update();
    }

    /** Zalo will not let the OA reach this resident (outside the 7-day window, not a follower): not a failure. */
    public void markUnreachable(long id, @Nullable Integer errorCode, String reason) {
        jdbc.sql("""
                        UPDATE zalo.deliveries SET status = 'UNREACHABLE', attempts = attempts + 1, last_error_code = ?,
                               failure = ? WHERE id = ?
                        """).params(errorCode, reason, id).update();
    }

    /**
     * Records a receipt for a bulletin message: received, or seen (which implies received). Repeated receipts keep
     * the first time.
     *
     * @return whether the message was a bulletin message of this OA
     */
    public boolean recordBulletinReceipt(String oaId, String zaloMessageId, boolean seen, Instant at) {
        return jdbc.sql("""
                                UPDATE zalo.deliveries SET delivered_at = COALESCE(delivered_at, ?),
                                       seen_at = CASE WHEN ? THEN COALESCE(seen_at, ?) ELSE seen_at END
                                 WHERE oa_id = ? AND zalo_message_id = ? AND bulletin_ref IS NOT NULL
                                """)
                        .params(Timestamp.from(at), seen, Timestamp.from(at), oaId, zaloMessageId)
                        .update()
                > 0;
    }

    /**
     * Records a receipt for a reporter notice, as for a bulletin. Returns the notice's key only the first time the
     * notice reaches that state (Zalo may repeat a receipt), so the docket gets one line per state.
     */
    public Optional<String> recordNoticeReceipt(String oaId, String zaloMessageId, boolean seen, Instant at) {
        return jdbc.sql("""
                        UPDATE zalo.deliveries SET delivered_at = COALESCE(delivered_at, :at),
                               seen_at = CASE WHEN :seen THEN COALESCE(seen_at, :at) ELSE seen_at END
                         WHERE oa_id = :oa AND zalo_message_id = :msg AND idempotency_key LIKE :notices
                           AND (CASE WHEN :seen THEN seen_at IS NULL ELSE delivered_at IS NULL END)
                        RETURNING idempotency_key
                        """)
                .param("at", Timestamp.from(at))
                .param("seen", seen)
                .param("oa", oaId)
                .param("msg", zaloMessageId)
                .param("notices", NOTICE_PREFIX + "%")
                .query(String.class)
                .optional()
                .map(key -> key.substring(NOTICE_PREFIX.length()));
    }

    /** Tries again later; {@code countAttempt} is false when Zalo only asked us to slow down. */
    public void postpone(long id, Instant next, @Nullable Integer errorCode, boolean countAttempt) {
        jdbc.sql("""
                        UPDATE zalo.deliveries SET next_attempt_at = ?, last_error_code = ?,
                               attempts = attempts + CASE WHEN ? THEN 1 ELSE 0 END WHERE id = ?
                        """).params(Timestamp.from(next), errorCode, countAttempt, id).update();
    }

    public OptionalLong replyRefOfSentMessage(String oaId, String zaloMessageId) {
        return jdbc.sql("""
                        SELECT reply_ref FROM zalo.deliveries
                         WHERE oa_id = ? AND zalo_message_id = ? AND reply_ref IS NOT NULL
                        """)
                .params(oaId, zaloMessageId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Whether BinhYen itself sent the message Zalo knows by this id (a reply, a group post, a bulletin, an alert). */
    public boolean isOurSend(String oaId, String zaloMessageId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM zalo.deliveries WHERE oa_id = ? AND zalo_message_id = ?)")
                .params(oaId, zaloMessageId)
                .query(Boolean.class)
                .single();
    }

    /** Whether a message with this text to this recipient is still queued or on its way. */
    public boolean isBeingSent(String oaId, String recipientId, String text) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM zalo.deliveries d
                                         LEFT JOIN zalo.bulletin_texts t ON t.bulletin_ref = d.bulletin_ref
                                        WHERE d.oa_id = ? AND d.recipient_id = ? AND d.status = 'PENDING'
                                          AND COALESCE(d.text, t.text) = ?)
                        """)
                .params(oaId, recipientId, text)
                .query(Boolean.class)
                .single();
    }

    public boolean hasUnsentFor(String oaId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM zalo.deliveries WHERE oa_id = ? AND status = 'PENDING')")
                .param(oaId)
                .query(Boolean.class)
                .single();
    }

    public record Delivery(
            long id,
            String oaId,
            Target target,
            String recipientId,
            String text,
            @Nullable Long replyRef,
            @Nullable Long bulletinRef,
            boolean promotional,
            int attempts,
            @Nullable Long alertIncident,
            @Nullable Long alertOfficer,
            String idempotencyKey) {

        /** The reporter notice this delivery carries ("receipt:42", "result:42:7"), if it is one. */
        public @Nullable String noticeKey() {
            return idempotencyKey.startsWith(NOTICE_PREFIX) ? idempotencyKey.substring(NOTICE_PREFIX.length()) : null;
        }

        @Override
        public String toString() {
            return "Delivery[" + id + ", " + target + "]";
        }
    }
}
