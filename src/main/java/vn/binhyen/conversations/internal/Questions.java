package vn.binhyen.conversations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ConversationNotFoundException;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.conversations.QuestionAnswered;
import vn.binhyen.conversations.QuestionAsked;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.ReplyRequested;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.conversations.internal.QuestionStore.AutoAnswerSetting;
import vn.binhyen.conversations.internal.QuestionStore.Figures;
import vn.binhyen.conversations.internal.QuestionStore.Match;
import vn.binhyen.conversations.internal.QuestionStore.OpenQuestion;
import vn.binhyen.conversations.internal.QuestionStore.QuestionRow;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.knowledge.Knowledge;
import vn.binhyen.knowledge.SuggestedAnswer;

/**
 * Residents' questions: which messages are questions, the knowledge base's suggestions for them, automatic answers
 * where the unit allows them, and what officers and leaders need to know about how questions are answered.
 */
@Service
public class Questions {

    public static final String AUTO = "AUTO";
    public static final String OFFICER = "OFFICER";

    /**
     * The lowest threshold a unit may choose. Below 0.80 the evaluation set's automatic answers were wrong more than
     * 1 time in 50 (src/test/resources/knowledge/README.md).
     */
    public static final BigDecimal LOWEST_THRESHOLD = new BigDecimal("0.80");

    public static final BigDecimal RECOMMENDED_THRESHOLD = new BigDecimal("0.80");

    /**
     * A match this good answers the question: it makes a message a question even without a question word, and a
     * question below it goes on the list of entries to write. (Suggestions start lower, at the knowledge base's
     * suggest-threshold, because an officer reads them before sending.)
     */
    static final BigDecimal GOOD_MATCH = new BigDecimal("0.60");

    private static final AutoAnswerSetting DEFAULT_SETTING = new AutoAnswerSetting(false, RECOMMENDED_THRESHOLD);

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final QuestionStore questions;
    private final ThreadStore threads;
    private final Knowledge knowledge;
    private final Directory directory;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Questions(
            QuestionStore questions,
            ThreadStore threads,
            Knowledge knowledge,
            Directory directory,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.questions = questions;
        this.threads = threads;
        this.knowledge = knowledge;
        this.directory = directory;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Called in the transaction that stored the message: a message that may be a question is handed to
     * {@link QuestionListener} after commit, through the event registry; a village group's own talk is not, and costs
     * neither a publication nor a transaction.
     */
    public void offer(MessageReceived message) {
        if (mayAsk(message)) {
            events.publishEvent(new QuestionCandidate(message));
        }
    }

    /**
     * Whether a message may be a question at all, judged from the message alone (no database): text, and in a village
     * group a message that calls the police; {@link #take} decides the rest.
     */
    static boolean mayAsk(MessageReceived message) {
        return message.kind() == MessageKind.TEXT
                && !message.text().isBlank()
                && (message.threadKind() == ThreadKind.RESIDENT || GroupAddress.mayAddress(message.text()));
    }

    /**
     * Takes a resident's message: it opens a question (when it asks something or the knowledge base can answer it),
     * or adds to the question still waiting for an answer. A new question may be answered automatically. In a
     * village group only messages addressed to the page count, and they are answered by an officer, never
     * automatically. Safe to call twice for the same message.
     */
    @Transactional
    public void take(MessageReceived message) {
        if (!mayAsk(message) || questions.isRecorded(message.messageId())) {
            return;
        }
        Optional<String> asked = asked(message);
        if (asked.isEmpty()) {
            return;
        }
        Optional<OpenQuestion> open = questions.openQuestion(message.threadId());
        if (open.isPresent()) {
            if (message.messageId() > open.get().lastMessageId()) {
                String text = open.get().text() + "\n" + asked.get();
                questions.extend(open.get().id(), message.messageId(), text, match(text));
            }
            return;
        }
        boolean asks = QuestionDetector.asks(asked.get());
        // Most messages ask nothing; whether the knowledge base could still answer one well is first bounded
        // without a search (the score is rounded to 3 decimals before it is compared with GOOD_MATCH).
        if (!asks && !knowledge.couldMatch(asked.get(), GOOD_MATCH.doubleValue() - 0.0005)) {
            return;
        }
        Match match = match(asked.get());
        if (!asks && !clearlyAnswerable(match)) {
            return;
        }
        var opened = questions.open(message.threadId(), message.messageId(), asked.get(), message.sentAt(), match);
        if (opened.isPresent()) {
            var thread = threads.thread(message.threadId()).orElseThrow();
            events.publishEvent(new QuestionAsked(
                    opened.get(),
                    thread.provinceCode(),
                    thread.communeCode(),
                    thread.villageId(),
                    message.sentAt(),
                    match.good()));
            // Never automatically in a village group: the answer would be read by the whole village, and a wrong
            // one there is a public mistake of the police; an officer sends one of the suggestions instead.
            if (message.threadKind() == ThreadKind.RESIDENT) {
                answerAutomatically(message, opened.get(), match);
            }
        } else {
            // Another message of the thread opened a question at the same moment: this one joins it.
            questions.openQuestion(message.threadId()).ifPresent(question -> {
                String text = question.text() + "\n" + asked.get();
                questions.extend(question.id(), message.messageId(), text, match(text));
            });
        }
    }

    /**
     * What the message asks, if it may be a question: a resident's message in their own thread as written; in a
     * village group only a message addressed to the page ({@link GroupAddress}), without the words that address it,
     * so that "công an ơi" neither weighs in the match nor is learned by the entry the officer answers with. The
     * group's own talk is never a question (incidents still reads all of it).
     */
    private Optional<String> asked(MessageReceived message) {
        if (message.threadKind() == ThreadKind.RESIDENT) {
            return Optional.of(message.text());
        }
        return threads.thread(message.threadId())
                .flatMap(thread -> GroupAddress.askedOf(message.text(), thread.accountRef()));
    }

    /**
     * A message that asks nothing in words may still be a question the catalogue answers well ("cấp lại căn cước bị
     * mất"); a weak match alone is not enough, since a report of an incident shares words with some entry.
     */
    private static boolean clearlyAnswerable(Match match) {
        return match.good();
    }

    private Match match(String text) {
        return knowledge.suggestionsFor(text, 1).stream()
                .findFirst()
                .map(best -> {
                    var score = BigDecimal.valueOf(best.score()).setScale(3, RoundingMode.HALF_UP);
                    return new Match(best.id(), score, score.compareTo(GOOD_MATCH) >= 0);
                })
                .orElse(Match.NONE);
    }

    private void answerAutomatically(MessageReceived message, long questionId, Match match) {
        var setting = questions.setting(message.communeCode());
        if (match.entryId() == null
                || match.score() == null
                || setting.isEmpty()
                || !setting.get().enabled()
                || match.score().compareTo(setting.get().threshold()) < 0) {
            return;
        }
        var answer = knowledge.replyFor(match.entryId());
        if (answer.isEmpty()) {
            return;
        }
        var thread = threads.thread(message.threadId()).orElseThrow();
        String text = answer.get() + "\n\n" + automaticFooter(message.communeCode());
        Instant now = clock.instant();
        var insert = threads.appendReply(thread.id(), null, text, "auto-q" + questionId, now);
        if (insert.created()) {
            events.publishEvent(new ReplyRequested(
                    insert.messageId(),
                    thread.id(),
                    thread.channel(),
                    thread.kind(),
                    thread.accountRef(),
                    thread.contactRef(),
                    text));
            answer(thread.id(), AUTO, match.entryId(), insert.messageId(), null, now);
        }
    }

    /** Every automatic answer says it is one, and how to reach a person. */
    private String automaticFooter(String communeCode) {
        var commune = directory.commune(communeCode);
        String unit = commune.map(CommuneView::policeUnitName)
                .orElseGet(() -> messages.getMessage("conversations.auto.unit", null, VIETNAMESE));
        String phone = commune.map(CommuneView::phone).orElse(null);
        return phone == null
                ? messages.getMessage("conversations.auto.footer", new Object[] {unit}, VIETNAMESE)
                : messages.getMessage("conversations.auto.footerPhone", new Object[] {unit, phone}, VIETNAMESE);
    }

    /** An officer replied in the thread: the waiting question (if any) is answered, and the entry learns from it. */
    @Transactional
    public void officerAnswered(long threadId, long messageId, long officerId, @Nullable Long entryId) {
        answer(threadId, OFFICER, entryId, messageId, officerId, clock.instant())
                .ifPresent(answered -> {
                    if (entryId != null) {
                        knowledge.learn(entryId, answered.text());
                    }
                });
    }

    /** The message that answers with this entry, as the knowledge base writes it. */
    public String replyWith(long entryId) {
        return knowledge
                .replyFor(entryId)
                .orElseThrow(() -> new ReplyRejectedException("conversations.suggestion.gone", "Entry withdrawn"));
    }

    /** The page answered in Zalo's own chat, outside BinhYen: the waiting question is answered, by no known officer. */
    @Transactional
    public void answeredOutside(long threadId, long messageId) {
        answer(threadId, OFFICER, null, messageId, null, clock.instant());
    }

    /** Closes the thread's waiting question, if one waits, and tells the figures. */
    private Optional<QuestionStore.Answered> answer(
            long threadId, String by, @Nullable Long entryId, long messageId, @Nullable Long officerId, Instant at) {
        var answered = questions.answer(threadId, by, entryId, messageId, officerId, at);
        answered.ifPresent(question -> threads.thread(threadId)
                .ifPresent(thread -> events.publishEvent(new QuestionAnswered(
                        question.id(),
                        thread.provinceCode(),
                        thread.communeCode(),
                        thread.villageId(),
                        question.askedAt(),
                        at,
                        AUTO.equals(by)))));
        return answered;
    }

    /** The knowledge base's suggestions for the question waiting in the thread; empty when none waits. */
    @Transactional(readOnly = true)
    public List<SuggestedAnswer> suggestionsFor(long threadId) {
        return questions
                .waitingText(threadId)
                .map(text -> knowledge.answersFor(text, 3))
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Figures figures(AccessScope scope, Instant from, Instant to) {
        return questions.figures(ScopeCondition.of(scope), from, to);
    }

    @Transactional(readOnly = true)
    public List<QuestionRow> unmatched(AccessScope scope, Instant from, Instant to) {
        return questions.unmatched(ScopeCondition.of(scope), from, to, 100);
    }

    @Transactional(readOnly = true)
    public List<QuestionRow> automaticAnswers(AccessScope scope, Instant from, Instant to) {
        return questions.automaticAnswers(ScopeCondition.of(scope), from, to, 100);
    }

    /** An officer checked an automatic answer: right, or wrong (and then, usually, answers the resident themself). */
    @Transactional
    public void review(AccessScope scope, long questionId, boolean right) {
        long threadId = questions.threadOf(questionId).orElseThrow(ConversationNotFoundException::new);
        threads.visible(scope, threadId);
        if (!questions.review(questionId, right ? "RIGHT" : "WRONG", scope.officerId(), clock.instant())) {
            throw new ConversationNotFoundException();
        }
    }

    public AutoAnswerSetting setting(String communeCode) {
        return questions.setting(communeCode).orElse(DEFAULT_SETTING);
    }

    /** Each commune's setting, the default (off) where the chief never chose; one query for them all. */
    public java.util.Map<String, AutoAnswerSetting> settings(List<String> communeCodes) {
        var chosen = questions.settings(communeCodes);
        var all = new java.util.LinkedHashMap<String, AutoAnswerSetting>();
        communeCodes.forEach(code -> all.put(code, chosen.getOrDefault(code, DEFAULT_SETTING)));
        return all;
    }

    /** Only the commune's chief (or the province command) switches automatic answers on or off for the commune. */
    @Transactional
    public void saveSetting(AccessScope scope, String communeCode, boolean enabled, BigDecimal threshold) {
        var commune = directory.commune(communeCode).orElseThrow(ConversationNotFoundException::new);
        if (!scope.canDecideFor(commune.provinceCode(), communeCode)) {
            throw new ReplyRejectedException("conversations.auto.notAllowed", "Not the commune's chief");
        }
        if (threshold.compareTo(LOWEST_THRESHOLD) < 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw new ReplyRejectedException("conversations.auto.badThreshold", "Threshold out of range");
        }
        questions.saveSetting(
                communeCode,
                new AutoAnswerSetting(enabled, threshold.setScale(2, RoundingMode.HALF_UP)),
                scope.officerId(),
                clock.instant());
    }
}
