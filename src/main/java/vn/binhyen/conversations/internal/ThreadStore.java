package vn.binhyen.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.ConversationNotFoundException;
import vn.binhyen.conversations.InboundMessage;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.ReplyState;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.conversations.VillageSource;

/** SQL for threads and their messages. */
@Repository
public class ThreadStore {

    private final JdbcClient jdbc;

    ThreadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The thread's id, creating it on first contact; safe when two nodes see the first message at once. A village the
     * message brings is taken (with its assignee) only by a thread that has none yet.
     */
    public long openThread(InboundMessage m, @Nullable VillageSource source, @Nullable Long assignee, Instant now) {
        return jdbc.sql("""
                        INSERT INTO conversations.threads (channel, kind, account_ref, contact_ref, province_code,
                            commune_code, created_at, last_message_at, village_id, village_source, assigned_officer_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (channel, account_ref, contact_ref) DO UPDATE
                           SET village_id = COALESCE(conversations.threads.village_id, EXCLUDED.village_id),
                               village_source = COALESCE(conversations.threads.village_source, EXCLUDED.village_source),
                               assigned_officer_id = CASE WHEN conversations.threads.village_id IS NULL
                                                           AND EXCLUDED.village_id IS NOT NULL
                                                          THEN EXCLUDED.assigned_officer_id
                                                          ELSE conversations.threads.assigned_officer_id END
                        RETURNING id
                        """)
                .params(
                        m.channel().name(),
                        m.threadKind().name(),
                        m.accountRef(),
                        m.contactRef(),
                        m.provinceCode(),
                        m.communeCode(),
                        ts(now),
                        ts(m.sentAt()),
                        m.villageId(),
                        m.villageId() == null || source == null ? null : source.name(),
                        m.villageId() == null ? null : assignee)
                .query(Long.class)
                .single();
    }

    /** The thread if the officer may see it (as {@link AccessScope#covers} says); otherwise "not found". */
    public ThreadRow visible(AccessScope scope, long threadId) {
        return thread(threadId)
                .filter(t -> scope.covers(t.provinceCode(), t.communeCode(), t.villageId(), t.assignedOfficerId()))
                .orElseThrow(ConversationNotFoundException::new);
    }

    public Optional<ThreadRow> threadOf(ConversationChannel channel, String accountRef, String contactRef) {
        return jdbc.sql(THREAD_SELECT + " WHERE t.channel = ? AND t.account_ref = ? AND t.contact_ref = ?")
                .params(channel.name(), accountRef, contactRef)
                .query(ThreadStore::thread)
                .optional();
    }

    /** Sets the thread's village and its assignee together (the village's area officer, or the commune queue). */
    public void setVillage(long threadId, @Nullable Long villageId, VillageSource source, @Nullable Long assignee) {
        jdbc.sql("""
                        UPDATE conversations.threads SET village_id = ?, village_source = ?, assigned_officer_id = ?
                         WHERE id = ?
                        """)
                .params(villageId, villageId == null ? null : source.name(), assignee, threadId)
                .update();
    }

    public void assign(long threadId, @Nullable Long officerId) {
        jdbc.sql("UPDATE conversations.threads SET assigned_officer_id = ? WHERE id = ?")
                .params(officerId, threadId)
                .update();
    }

    public void saveContactCard(
            ConversationChannel channel, String accountRef, String contactRef, byte[] sealed, Instant now) {
        jdbc.sql("""
                        INSERT INTO conversations.contact_cards (channel, account_ref, contact_ref, sealed, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (channel, account_ref, contact_ref) DO UPDATE
                           SET sealed = EXCLUDED.sealed, updated_at = EXCLUDED.updated_at
                        """)
                .params(channel.name(), accountRef, contactRef, sealed, ts(now))
                .update();
    }

    public Optional<byte[]> contactCard(ConversationChannel channel, String accountRef, String contactRef) {
        return jdbc.sql("""
                        SELECT sealed FROM conversations.contact_cards
                         WHERE channel = ? AND account_ref = ? AND contact_ref = ?
                        """)
                .params(channel.name(), accountRef, contactRef)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    /** Reserves the form key for a tip made from the thread; empty when the same form was already submitted. */
    public OptionalLong reserveTip(long threadId, long lastMessageId, long officerId, String key, Instant now) {
        return jdbc.sql("""
                        INSERT INTO conversations.thread_tips (thread_id, last_message_id, officer_id,
                            idempotency_key, created_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING id
                        """)
                .params(threadId, lastMessageId, officerId, key, ts(now))
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    public void completeTip(long id, long tipId, String tipCode) {
        jdbc.sql("UPDATE conversations.thread_tips SET tip_id = ?, tip_code = ? WHERE id = ?")
                .params(tipId, tipCode, id)
                .update();
    }

    public void dropTip(long id) {
        jdbc.sql("DELETE FROM conversations.thread_tips WHERE id = ? AND tip_id IS NULL")
                .param(id)
                .update();
    }

    public List<ThreadTip> tips(long threadId) {
        return jdbc.sql("""
                        SELECT tip_id, tip_code, created_at FROM conversations.thread_tips
                         WHERE thread_id = ? AND tip_id IS NOT NULL ORDER BY id
                        """)
                .param(threadId)
                .query((rs, row) -> new ThreadTip(
                        rs.getLong("tip_id"),
                        rs.getString("tip_code"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * The tip a form already made from this thread (the officer pressed twice, or the answer was lost). Only this
     * thread's: a key sent again with another thread must not hand out a tip of a thread the officer may not read.
     */
    public Optional<ThreadTip> tipOfKey(long threadId, String key) {
        return jdbc.sql("""
                        SELECT tip_id, tip_code, created_at FROM conversations.thread_tips
                         WHERE idempotency_key = ? AND thread_id = ? AND tip_id IS NOT NULL
                        """)
                .params(key, threadId)
                .query((rs, row) -> new ThreadTip(
                        rs.getLong("tip_id"),
                        rs.getString("tip_code"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** The last message an earlier tip from this thread already took (0 when none). */
    public long lastMessageTaken(long threadId) {
        return jdbc.sql("""
                        SELECT COALESCE(MAX(last_message_id), 0) FROM conversations.thread_tips
                         WHERE thread_id = ? AND tip_id IS NOT NULL
                        """).param(threadId).query(Long.class).single();
    }

    public record ThreadTip(long tipId, String code, Instant createdAt) {}

    public OptionalLong appendInbound(long threadId, InboundMessage m, Instant now) {
        var id = jdbc.sql("""
                        INSERT INTO conversations.messages (thread_id, direction, external_id, kind, body, url,
                            latitude, longitude, sender_ref, sent_at, recorded_at)
                        VALUES (?, 'INBOUND', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (thread_id, external_id) DO NOTHING
                        RETURNING id
                        """)
                .params(
                        threadId,
                        m.externalId(),
                        m.kind().name(),
                        m.text(),
                        m.url(),
                        m.latitude(),
                        m.longitude(),
                        m.senderRef(),
                        ts(m.sentAt()),
                        ts(now))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return OptionalLong.empty();
        }
        jdbc.sql("""
                        UPDATE conversations.threads
                           SET last_message_at = GREATEST(last_message_at, ?),
                               last_inbound_at = GREATEST(COALESCE(last_inbound_at, ?), ?),
                               unread = unread + 1
                         WHERE id = ?
                        """)
                .params(ts(m.sentAt()), ts(m.sentAt()), ts(m.sentAt()), threadId)
                .update();
        return OptionalLong.of(id.get());
    }

    /** A message the page sent outside BinhYen, stored as sent (it already reached the resident). */
    public OptionalLong appendEcho(long threadId, InboundMessage m, Instant now) {
        var id = jdbc.sql("""
                        INSERT INTO conversations.messages (thread_id, direction, external_id, kind, body, url,
                            sent_at, recorded_at, reply_state)
                        VALUES (?, 'OUTBOUND', ?, ?, ?, ?, ?, ?, 'SENT')
                        ON CONFLICT (thread_id, external_id) DO NOTHING
                        RETURNING id
                        """)
                .params(threadId, m.externalId(), m.kind().name(), m.text(), m.url(), ts(m.sentAt()), ts(now))
                .query(Long.class)
                .optional();
        id.ifPresent(messageId -> jdbc.sql(
                        "UPDATE conversations.threads SET last_message_at = GREATEST(last_message_at, ?) WHERE id = ?")
                .params(ts(m.sentAt()), threadId)
                .update());
        return id.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Stores an officer's reply as queued. A second submit of the same form (same idempotency key) returns the first
     * reply instead of queueing another. No officer means an automatic answer.
     */
    public ReplyInsert appendReply(
            long threadId, @Nullable Long officerId, String text, String idempotencyKey, Instant now) {
        var inserted = jdbc.sql("""
                        INSERT INTO conversations.messages (thread_id, direction, kind, body, officer_id, automatic,
                            sent_at, recorded_at, reply_state, idempotency_key)
                        VALUES (?, 'OUTBOUND', 'TEXT', ?, ?, ?, ?, ?, 'QUEUED', ?)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING id
                        """)
                .params(threadId, text, officerId, officerId == null, ts(now), ts(now), idempotencyKey)
                .query(Long.class)
                .optional();
        if (inserted.isPresent()) {
            jdbc.sql("UPDATE conversations.threads SET last_message_at = GREATEST(last_message_at, ?) WHERE id = ?")
                    .params(ts(now), threadId)
                    .update();
            return new ReplyInsert(inserted.get(), true);
        }
        long existing = jdbc.sql("SELECT id FROM conversations.messages WHERE idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .single();
        return new ReplyInsert(existing, false);
    }

    public record ReplyInsert(long messageId, boolean created) {}

    public boolean moveReplyState(long messageId, ReplyState next, @Nullable String failureKey) {
        var current = jdbc.sql("SELECT reply_state FROM conversations.messages WHERE id = ? AND direction = 'OUTBOUND'"
                        + " FOR UPDATE")
                .param(messageId)
                .query(String.class)
                .optional();
        if (current.isEmpty() || !ReplyState.valueOf(current.get()).canMoveTo(next)) {
            return false;
        }
        return jdbc.sql("UPDATE conversations.messages SET reply_state = ?, failure_key = ? WHERE id = ?")
                        .params(next.name(), next == ReplyState.FAILED ? failureKey : null, messageId)
                        .update()
                > 0;
    }

    public Optional<ThreadRow> thread(long id) {
        return jdbc.sql(THREAD_SELECT + " WHERE t.id = ?")
                .param(id)
                .query(ThreadStore::thread)
                .optional();
    }

    /** Threads visible under a scope condition (built by {@link ScopeCondition}), newest activity first. */
    public List<ThreadRow> threads(ScopeCondition scope, @Nullable ThreadKind kind, int limit) {
        String sql = THREAD_SELECT + " WHERE " + scope.sql() + (kind == null ? "" : " AND t.kind = :kind")
                + " ORDER BY t.last_message_at DESC LIMIT :limit";
        var statement = jdbc.sql(sql).params(scope.params()).param("limit", limit);
        if (kind != null) {
            statement = statement.param("kind", kind.name());
        }
        return statement.query(ThreadStore::thread).list();
    }

    public List<MessageRow> messages(long threadId) {
        return jdbc.sql("SELECT * FROM conversations.messages WHERE thread_id = ? ORDER BY sent_at, id")
                .param(threadId)
                .query(ThreadStore::message)
                .list();
    }

    public boolean hasThreads(String communeCode) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM conversations.threads WHERE commune_code = ?)")
                .param(communeCode)
                .query(Boolean.class)
                .single();
    }

    public void markRead(long threadId) {
        jdbc.sql("UPDATE conversations.threads SET unread = 0 WHERE id = ? AND unread > 0")
                .param(threadId)
                .update();
    }

    private static final String THREAD_SELECT = """
            SELECT t.*, (SELECT m.body FROM conversations.messages m WHERE m.thread_id = t.id
                          ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) AS last_body
              FROM conversations.threads t
            """;

    public record ThreadRow(
            long id,
            ConversationChannel channel,
            ThreadKind kind,
            String accountRef,
            String contactRef,
            String provinceCode,
            String communeCode,
            @Nullable Long assignedOfficerId,
            Instant createdAt,
            Instant lastMessageAt,
            @Nullable Instant lastInboundAt,
            int unread,
            @Nullable String lastBody,
            @Nullable Long villageId,
            @Nullable VillageSource villageSource) {}

    public record MessageRow(
            long id,
            boolean inbound,
            MessageKind kind,
            String body,
            @Nullable String url,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String senderRef,
            @Nullable Long officerId,
            Instant sentAt,
            @Nullable ReplyState replyState,
            @Nullable String failureKey,
            boolean automatic) {}

    private static ThreadRow thread(ResultSet rs, int row) throws SQLException {
        return new ThreadRow(
                rs.getLong("id"),
                ConversationChannel.valueOf(rs.getString("channel")),
                ThreadKind.valueOf(rs.getString("kind")),
                rs.getString("account_ref"),
                rs.getString("contact_ref"),
                rs.getString("province_code"),
                rs.getString("commune_code"),
                rs.getObject("assigned_officer_id", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_message_at").toInstant(),
                instant(rs.getTimestamp("last_inbound_at")),
                rs.getInt("unread"),
                rs.getString("last_body"),
                rs.getObject("village_id", Long.class),
                rs.getString("village_source") == null ? null : VillageSource.valueOf(rs.getString("village_source")));
    }

    private static MessageRow message(ResultSet rs, int row) throws SQLException {
        String state = rs.getString("reply_state");
        return new MessageRow(
                rs.getLong("id"),
                "INBOUND".equals(rs.getString("direction")),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("body"),
                rs.getString("url"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("sender_ref"),
                rs.getObject("officer_id", Long.class),
                rs.getTimestamp("sent_at").toInstant(),
                state == null ? null : ReplyState.valueOf(state),
                rs.getString("failure_key"),
                rs.getBoolean("automatic"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
