package vn.binhyen.conversations;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
