package vn.binhyen.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message a resident sent on a channel, as the channel adapter hands it in.
 *
 * @param accountRef the channel account that received it (a Zalo OA id)
 * @param contactRef who the thread is with: the resident's id on that account, or the group id for group traffic
 * @param externalId the channel's message id; the same id is appended to a thread only once
 * @param senderRef the group member who wrote, for group traffic
 * @param sentAt when the resident sent it (the thread is ordered by this, not by arrival)
 * @param villageId the resident's (or the group's) village when the channel knows it; decides the assignee
 */
public record InboundMessage(
        ConversationChannel channel,
        ThreadKind threadKind,
        String accountRef,
        String contactRef,
        String provinceCode,
        String communeCode,
        String externalId,
        MessageKind kind,
        String text,
        @Nullable String url,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String senderRef,
        Instant sentAt,
        @Nullable Long villageId) {

    public InboundMessage(
            ConversationChannel channel,
            ThreadKind threadKind,
            String accountRef,
            String contactRef,
            String provinceCode,
            String communeCode,
            String externalId,
            MessageKind kind,
            String text,
            @Nullable String url,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String senderRef,
            Instant sentAt) {
        this(
                channel,
                threadKind,
                accountRef,
                contactRef,
                provinceCode,
                communeCode,
                externalId,
                kind,
                text,
                url,
                latitude,
                longitude,
                senderRef,
                sentAt,
                null);
    }

    @Override
    public String toString() {
        return "InboundMessage[" + channel + ", " + threadKind + ", " + kind + "]";
    }
}
