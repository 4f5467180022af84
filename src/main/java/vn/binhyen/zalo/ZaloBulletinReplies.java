package vn.binhyen.zalo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which bulletin a resident's message answers. Zalo marks a quoted reply with {@code message.quote_msg_id} (the id
 * Zalo gave the OA's message when it was sent); without a quote, a message that follows a bulletin delivered to the
 * resident within a window is taken to be about the latest such bulletin.
 */
@Service
public class ZaloBulletinReplies {

    /** The user message events a resident's reply can arrive as (their stored key is name + ":" + msg_id). */
    private static final String[] USER_MESSAGE_EVENTS = {
        "user_send_text", "user_send_image", "user_send_link", "user_send_audio", "user_send_video",
        "user_send_sticker", "user_send_location", "user_send_business_card", "user_send_file", "user_send_gif"
    };

    private final JdbcClient jdbc;

    ZaloBulletinReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param quoted whether Zalo's quote metadata says so (otherwise it is the time window) */
    public record Link(long bulletinRef, boolean quoted) {}

    @Transactional(readOnly = true)
    public Optional<Link> repliedTo(
            String oaId, String userId, @Nullable String msgId, Instant sentAt, Duration window) {
        if (msgId != null && !msgId.isEmpty()) {
            String[] keys = new String[USER_MESSAGE_EVENTS.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = USER_MESSAGE_EVENTS[i] + ":" + msgId;
            }
            Optional<Long> quoted =
                    jdbc.sql("""
                            SELECT d.bulletin_ref FROM zalo.webhook_events e
                              JOIN zalo.deliveries d ON d.oa_id = e.oa_id
                                   AND d.zalo_message_id = CAST(e.raw_body AS JSONB) #>> '{message,quote_msg_id}'
                             WHERE e.oa_id = ? AND e.event_key = ANY(?) AND d.bulletin_ref IS NOT NULL
                               AND d.recipient_id = ?
                             LIMIT 1
                            """).params(oaId, keys, userId).query(Long.class).optional();
            if (quoted.isPresent()) {
                return Optional.of(new Link(quoted.get(), true));
            }
        }
        return jdbc.sql("""
                        SELECT bulletin_ref FROM zalo.deliveries
                         WHERE oa_id = ? AND recipient_id = ? AND bulletin_ref IS NOT NULL AND status = 'SENT'
                           AND sent_at <= ? AND sent_at > ?
                         ORDER BY sent_at DESC LIMIT 1
                        """)
                .params(oaId, userId, Timestamp.from(sentAt), Timestamp.from(sentAt.minus(window)))
                .query(Long.class)
                .optional()
                .map(ref -> new Link(ref, false));
    }
}
