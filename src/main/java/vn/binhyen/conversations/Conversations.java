package vn.binhyen.conversations;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.conversations.internal.Assignment;
import vn.binhyen.conversations.internal.ContactCards;
import vn.binhyen.conversations.internal.Questions;
import vn.binhyen.conversations.internal.ThreadStore;

/** The conversations API for channel adapters: hand in what residents wrote, report how replies fared. */
@Service
public class Conversations {

    private final ThreadStore threads;
    private final Questions questions;
    private final Assignment assignment;
    private final ContactCards cards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conversations(
            ThreadStore threads,
            Questions questions,
            Assignment assignment,
            ContactCards cards,
            ApplicationEventPublisher events,
            Clock clock) {
        this.threads = threads;
        this.questions = questions;
        this.assignment = assignment;
        this.cards = cards;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Appends a resident's message to its thread (opening the thread on first contact). Idempotent: a message whose
     * channel id is already in the thread is not appended again, whatever order deliveries arrive in. A new thread
     * whose village is known goes to the village's area officer, otherwise to the commune queue.
     *
     * @return whether the message was new
     */
    @Transactional
    public boolean recordInbound(InboundMessage message) {
        long threadId = openThread(message);
        var messageId = threads.appendInbound(threadId, message, clock.instant());
        if (messageId.isEmpty()) {
            return false;
        }
        var received = new MessageReceived(
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
                message.longitude());
        events.publishEvent(received);
        questions.offer(received);
        return true;
    }

    /**
     * The page wrote to the resident (or the group) from outside BinhYen, e.g. the OA's admin in Zalo's own chat: the
     * message goes into the thread as a police message, so officers see the whole conversation. A channel message id
     * is stored once.
     *
     * @return whether it was added (false: already there)
     */
    @Transactional
    public boolean recordEcho(InboundMessage message) {
        long threadId = openThread(message);
        var echo = threads.appendEcho(threadId, message, clock.instant());
        // Answered in Zalo's own chat is answered: the resident's waiting question counts as answered by an officer.
        echo.ifPresent(messageId -> questions.answeredOutside(threadId, messageId));
        return echo.isPresent();
    }

    /** The thread with the message's contact, opened on first contact and then assigned by village. */
    private long openThread(InboundMessage message) {
        return threads.openThread(
                message,
                message.threadKind() == ThreadKind.GROUP ? VillageSource.GROUP : VillageSource.TAG,
                assignment.areaOfficerOf(message.communeCode(), message.villageId()),
                clock.instant());
    }

    /**
     * The channel learned a resident's village (a follower tag, the address they submitted). The thread, if there is
     * one, takes it and goes to the village's area officer, unless an officer already chose the village.
     *
     * @return whether a thread changed
     */
    @Transactional
    public boolean learnVillage(
            ConversationChannel channel, String accountRef, String contactRef, long villageId, VillageSource source) {
        return assignment.learn(channel, accountRef, contactRef, villageId, source);
    }

    /** Stores (sealed) what the resident chose to share; it may become a tip's reporter identity. */
    @Transactional
    public void recordContactCard(ConversationChannel channel, String accountRef, String contactRef, ContactCard card) {
        if (!card.isEmpty()) {
            cards.save(channel, accountRef, contactRef, card);
        }
    }

    /**
     * Opens (or finds) the thread with a group so an officer can post into it before anyone wrote there.
     *
     * @return the thread id
     */
    @Transactional
    public long openGroupThread(
            ConversationChannel channel,
            String accountRef,
            String groupRef,
            String provinceCode,
            String communeCode,
            @Nullable Long villageId) {
        Instant now = clock.instant();
        var existing = threads.threadOf(channel, accountRef, groupRef);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        var opening = new InboundMessage(
                channel,
                ThreadKind.GROUP,
                accountRef,
                groupRef,
                provinceCode,
                communeCode,
                "",
                MessageKind.OTHER,
                "",
                null,
                null,
                null,
                null,
                now,
                villageId);
        return threads.openThread(opening, VillageSource.GROUP, assignment.areaOfficerOf(communeCode, villageId), now);
    }

    /** Whether anyone has written to the commune's pages yet. */
    @Transactional(readOnly = true)
    public boolean hasThreads(String communeCode) {
        return threads.hasThreads(communeCode);
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
