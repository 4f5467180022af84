package vn.binhyen.conversations;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.conversations.internal.ThreadStore;

/** The conversations API for channel adapters: hand in what residents wrote, report how replies fared. */
@Service
public class Conversations {

    private final ThreadStore threads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conversations(ThreadStore threads, ApplicationEventPublisher events, Clock clock) {
        this.threads = threads;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Appends a resident's message to its thread (opening the thread on first contact). Idempotent: a message whose
     * channel id is already in the thread is not appended again, whatever order deliveries arrive in.
     *
     * @return whether the message was new
     */
    @Transactional
    public boolean recordInbound(InboundMessage message) {
        long threadId = threads.openThread(message, clock.instant());
        var messageId = threads.appendInbound(threadId, message, clock.instant());
        if (messageId.isEmpty()) {
            return false;
        }
        events.publishEvent(new MessageReceived(
                threadId,
                messageId.getAsLong(),
                message.channel(),
                message.threadKind(),
                message.provinceCode(),
                message.communeCode(),
                message.kind(),
                message.text(),
                message.sentAt(),
                message.threadKind() == ThreadKind.GROUP ? message.contactRef() : null,
                message.latitude(),
                message.longitude()));
        return true;
    }

    /**
     * Moves a reply forward (sent, delivered, seen) or marks it failed with the key of a message that tells the
     * officer what to do. A move backwards is ignored, so late or repeated receipts are harmless.
     *
     * @return whether the state changed
     */
    @Transactional
    public boolean updateReplyState(long messageId, ReplyState state, @Nullable String failureKey) {
        return threads.moveReplyState(messageId, state, failureKey);
    }
}
