package vn.binhyen.reports;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the resident sees with their code and secret: status and the dialogue, nothing internal. */
public record ResidentTipView(
        String code,
        String communeCode,
        TipCategory category,
        TipStatus status,
        Instant receivedAt,
        boolean anonymous,
        List<DialogueMessage> messages,
        @Nullable Instant protectionRequestedAt) {

    public record DialogueMessage(boolean fromPolice, String body, Instant at) {}
}
