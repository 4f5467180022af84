package vn.binhyen.conversations;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.internal.ScopeCondition;

/**
 * Who a thread is with and the channel's id of one of its messages, for modules that follow a {@link MessageReceived}
 * back to the channel (the event itself carries no resident id).
 */
@Service
public class ConversationRefs {

    private final JdbcClient jdbc;

    ConversationRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param externalId the channel's id of the message (Zalo's {@code msg_id})
     */
    public record MessageRef(
            ConversationChannel channel,
            ThreadKind threadKind,
            String accountRef,
            String contactRef,
            @Nullable String externalId) {

        @Override
        public String toString() {
            return "MessageRef[" + channel + ", " + threadKind + "]";
        }
    }

    @Transactional(readOnly = true)
    public Optional<MessageRef> message(long threadId, long messageId) {
        return jdbc.sql("""
                        SELECT t.channel, t.kind, t.account_ref, t.contact_ref, m.external_id
                          FROM conversations.messages m JOIN conversations.threads t ON t.id = m.thread_id
                         WHERE m.id = ? AND t.id = ?
                        """)
                .params(messageId, threadId)
                .query((rs, row) -> new MessageRef(
                        ConversationChannel.valueOf(rs.getString(1)),
                        ThreadKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    /**
     * Whether the officer may read each of these messages: whether their own inbox shows its thread (the same
     * {@link ScopeCondition}). For modules that show residents' messages on pages of their own (an incident's
     * signals, a bulletin's replies), so those pages are no way round the inbox's scope.
     *
     * @return per message id, true when the officer may read it; messages that do not exist are left out
     */
    @Transactional(readOnly = true)
    public Map<Long, Boolean> readability(AccessScope scope, Collection<Long> messageIds) {
        var readable = new HashMap<Long, Boolean>();
        if (messageIds.isEmpty()) {
            return readable;
        }
        ScopeCondition condition = ScopeCondition.of(scope);
        jdbc.sql("SELECT m.id, (" + condition.sql() + ") AS readable FROM conversations.messages m"
                        + " JOIN conversations.threads t ON t.id = m.thread_id WHERE m.id IN (:ids)")
                .params(condition.params())
                .param("ids", Set.copyOf(messageIds))
                .query((rs, row) -> readable.put(rs.getLong(1), rs.getBoolean(2)))
                .list();
        return readable;
    }

    /** The text of these messages by id (messages that do not exist are left out). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> bodies(java.util.Collection<Long> messageIds) {
        var bodies = new java.util.HashMap<Long, String>();
        if (messageIds.isEmpty()) {
            return bodies;
        }
        jdbc.sql("SELECT id, body FROM conversations.messages WHERE id = ANY(?)")
                .param(messageIds.toArray(Long[]::new))
                .query((rs, row) -> bodies.put(rs.getLong(1), rs.getString(2)))
                .list();
        return bodies;
    }
}
