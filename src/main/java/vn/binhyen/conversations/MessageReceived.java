package vn.binhyen.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published once per message appended to a thread, for watch terms and figures. Carries no resident id.
 *
 * @param groupRef the channel's group id for group traffic (which village group it came from), null otherwise
 * @param latitude where a shared location points, when the message is one
 */
public record MessageReceived(
        long threadId,
        long messageId,
        ConversationChannel channel,
        ThreadKind threadKind,
        String provinceCode,
        String communeCode,
        MessageKind kind,
        String text,
        Instant sentAt,
        @Nullable String groupRef,
        @Nullable Double latitude,
        @Nullable Double longitude) {

    /** A resident's message in their own Zalo thread (not a group, not the web portal). */
    public boolean residentOnZalo() {
        return channel == ConversationChannel.ZALO && threadKind == ThreadKind.RESIDENT;
    }
}
