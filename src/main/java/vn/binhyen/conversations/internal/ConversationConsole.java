package vn.binhyen.conversations.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.ReplyRequested;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.conversations.internal.ThreadStore.MessageRow;
import vn.binhyen.conversations.internal.ThreadStore.ThreadRow;
import vn.binhyen.conversations.internal.ThreadStore.ThreadTip;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.directory.VillageView;
import vn.binhyen.knowledge.SuggestedAnswer;

/** The officer's side of conversations: the inbox, a thread, and replying. Every read and write checks scope. */
@Service
public class ConversationConsole {

    /** Zalo's limit for a consultation message, counted in characters after NFC. */
    public static final int MAX_REPLY = 2000;
    /** Zalo only accepts a reply within 7 days of the resident's last interaction. */
    public static final Duration REPLY_WINDOW = Duration.ofDays(7);

    private final ThreadStore threads;
    private final Questions questions;
    private final Assignment assignment;
    private final ContactCards cards;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationConsole(
            ThreadStore threads,
            Questions questions,
            Assignment assignment,
            ContactCards cards,
            Directory directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.threads = threads;
        this.questions = questions;
        this.assignment = assignment;
        this.cards = cards;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ThreadRow> inbox(AccessScope scope, @Nullable ThreadKind kind) {
        return threads.threads(ScopeCondition.of(scope), kind, 200);
    }

    public record ThreadView(
            ThreadRow thread,
            List<MessageRow> messages,
            boolean windowClosed,
            List<VillageView> villages,
            @Nullable VillageView village,
            List<OfficerView> assignableOfficers,
            @Nullable OfficerView assignee,
            List<ThreadTip> tips,
            boolean hasContactCard,
            boolean canUnassign,
            List<SuggestedAnswer> suggestions) {}

    @Transactional
    public ThreadView thread(AccessScope scope, long threadId) {
        ThreadRow thread = visible(scope, threadId);
        threads.markRead(threadId);
        var villages = directory.allVillagesOf(thread.communeCode());
        var officers = directory.officersOf(thread.communeCode()).stream()
                .filter(o -> o.role() != OfficerRole.ADMINISTRATOR)
                .filter(o -> !scope.isAreaOfficer() || o.id() == scope.officerId())
                .toList();
        return new ThreadView(
                thread,
                threads.messages(threadId),
                windowClosed(thread),
                villages,
                villages.stream()
                        .filter(v -> Long.valueOf(v.id()).equals(thread.villageId()))
                        .findFirst()
                        .orElse(null),
                officers,
                thread.assignedOfficerId() == null
                        ? null
                        : directory.officer(thread.assignedOfficerId()).orElse(null),
                threads.tips(threadId),
                cards.find(thread.channel(), thread.accountRef(), thread.contactRef())
                        .isPresent(),
                !scope.isAreaOfficer(),
                questions.suggestionsFor(threadId));
    }

    /** Sets the resident's village; the thread moves to that village's area officer (or the commune queue). */
    @Transactional
    public void setVillage(AccessScope scope, long threadId, @Nullable Long villageId) {
        assignment.setByOfficer(scope, visible(scope, threadId), villageId);
    }

    @Transactional
    public void reassign(AccessScope scope, long threadId, @Nullable Long officerId) {
        assignment.reassign(scope, visible(scope, threadId), officerId);
    }

    @Transactional(readOnly = true)
    public List<MessageRow> messages(AccessScope scope, long threadId) {
        visible(scope, threadId);
        return threads.messages(threadId);
    }

    /**
     * Queues a reply and asks the thread's channel to deliver it. The form's idempotency key makes a double submit
     * (a double click, a retried POST) one reply.
     */
    @Transactional
    public long reply(AccessScope scope, long threadId, String text, String idempotencyKey) {
        return reply(scope, threadId, text, idempotencyKey, null);
    }

    /**
     * As {@link #reply(AccessScope, long, String, String)}, answering the waiting question with a knowledge entry
     * (sent as suggested, or edited first), which then learns the question.
     */
    @Transactional
    public long reply(
            AccessScope scope, long threadId, String text, String idempotencyKey, @Nullable Long answerEntryId) {
        ThreadRow thread = visible(scope, threadId);
        String body = Normalizer.normalize(text == null ? "" : text.strip(), Normalizer.Form.NFC);
        if (body.isEmpty()) {
            throw new ReplyRejectedException("conversations.reply.empty", "Empty reply");
        }
        if (body.codePointCount(0, body.length()) > MAX_REPLY) {
            throw new ReplyRejectedException("conversations.reply.tooLong", "Reply longer than 2000 characters");
        }
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9-]{8,64}")) {
            throw new ReplyRejectedException("conversations.reply.expired", "Missing form key");
        }
        var insert = threads.appendReply(threadId, scope.officerId(), body, idempotencyKey, clock.instant());
        if (insert.created()) {
            events.publishEvent(new ReplyRequested(
                    insert.messageId(),
                    threadId,
                    thread.channel(),
                    thread.kind(),
                    thread.accountRef(),
                    thread.contactRef(),
                    body));
            questions.officerAnswered(threadId, insert.messageId(), scope.officerId(), answerEntryId);
        }
        return insert.messageId();
    }

    /** Sends a suggested entry as it is, in one click: the text is the knowledge base's, never the browser's. */
    @Transactional
    public long replyWithEntry(AccessScope scope, long threadId, long entryId, String idempotencyKey) {
        visible(scope, threadId);
        return reply(scope, threadId, questions.replyWith(entryId), idempotencyKey, entryId);
    }

    private boolean windowClosed(ThreadRow thread) {
        if (thread.kind() == ThreadKind.GROUP) {
            return false;
        }
        Instant last = thread.lastInboundAt();
        return last == null || last.isBefore(clock.instant().minus(REPLY_WINDOW));
    }

    ThreadRow visible(AccessScope scope, long threadId) {
        return threads.visible(scope, threadId);
    }
}
