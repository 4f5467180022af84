package vn.binhyen.conversations;

import java.time.Instant;

/** Published once per message appended to a thread, for watch terms and figures. Carries no resident id. */
public record MessageReceived(
        long threadId,
        long messageId,
        ConversationChannel channel,
        ThreadKind threadKind,
        String provinceCode,
        String communeCode,
        MessageKind kind,
        String text,
        Instant sentAt) {}
