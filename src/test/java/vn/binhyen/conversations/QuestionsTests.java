package vn.binhyen.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.conversations.internal.Questions;
import vn.binhyen.directory.Directory;
import vn.binhyen.knowledge.Knowledge;
import vn.binhyen.knowledge.Suggestion;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * Residents' questions end to end below the browser: which messages count as questions, automatic answers when the
 * unit allows them, officers' answers teaching the knowledge base, the figures, and who may see and change what.
 */
@IntegrationTest
class QuestionsTests {

    static final String LOST_CARD = "lam lai cccd bi mat can gi";

    @Autowired
    Conversations conversations;

    @Autowired
    ConversationConsole console;

    @Autowired
    Questions questions;

    @Autowired
    Knowledge knowledge;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    TestCommune commune;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
    }

    @Test
    void aQuestionIsRecordedWithItsBestEntryAndAReportIsNot() {
        long report = ask("user-a", "Tối qua có hai người lạ đi xe máy dò hỏi nhà ông Ba ở thôn A.");
        long question = ask("user-b", LOST_CARD);
        settle();

        assertThat(questionCount(report)).isZero();
        var row = jdbc.sql(
                        "SELECT best_entry_id, matched, answered_at FROM conversations.questions WHERE thread_id = ?")
                .param(question)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2), rs.getTimestamp(3)})
                .single();
        assertThat(row[0]).isEqualTo(entryId("cap-lai-the-can-cuoc"));
        assertThat(row[1]).isEqualTo(true);
        assertThat(row[2]).as("waiting for an answer").isNull();

        // A second message before any answer belongs to the same question.
        ask("user-b", "em o thon A a");
        settle();
        assertThat(questionCount(question)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT text FROM conversations.questions WHERE thread_id = ?")
                        .param(question)
                        .query(String.class)
                        .single())
                .contains(LOST_CARD)
                .contains("em o thon A a");
    }

    @Test
    void automaticAnswersGoOutOnlyWhereTheUnitSwitchedThemOnAndSayHowToReachAnOfficer() {
        long before = ask("user-c", LOST_CARD);
        settle();
        assertThat(automaticReplies(before)).as("off by default").isZero();

        questions.saveSetting(chief(), commune.code(), true, new BigDecimal("0.80"));
        // Typed loosely, the question scores below 0.80 and waits for an officer; asked as the entry says, it does not.
        long loose = ask("user-i", LOST_CARD);
        long after = ask("user-d", "Cấp lại thẻ căn cước khi bị mất thì làm thế nào ạ?");
        long unknown = ask("user-e", "cho hỏi đội bóng đá thôn mấy giờ tập vậy?");
        settle();

        var reply = jdbc.sql("""
                        SELECT body FROM conversations.messages
                         WHERE thread_id = ? AND direction = 'OUTBOUND' AND automatic
                        """).param(after).query(String.class).single();
        assertThat(reply)
                .startsWith("Cấp lại thẻ căn cước khi bị mất")
                .contains("/hoi-dap/cap-lai-the-can-cuoc")
                .contains("trả lời tự động")
                .contains("0262 000 113");
        assertThat(automaticReplies(unknown)).as("nothing good to answer with").isZero();
        assertThat(automaticReplies(loose)).as("below the unit's threshold").isZero();

        var figures = questions.figures(chief(), Instant.now().minus(Duration.ofHours(1)), Instant.now());
        assertThat(figures.received()).isEqualTo(4);
        assertThat(figures.automatic()).isEqualTo(1);
        assertThat(figures.waiting()).isEqualTo(3);
        assertThat(figures.unmatched()).isEqualTo(1);
        assertThat(figures.medianFirstAnswer()).isNotNull();
        assertThat(questions.unmatched(chief(), Instant.now().minus(Duration.ofHours(1)), Instant.now()))
                .singleElement()
                .satisfies(q -> assertThat(q.text()).contains("đội bóng"));

        long answered = jdbc.sql("SELECT id FROM conversations.questions WHERE thread_id = ?")
                .param(after)
                .query(Long.class)
                .single();
        questions.review(chief(), answered, true);
        assertThat(questions
                        .figures(chief(), Instant.now().minus(Duration.ofHours(1)), Instant.now())
                        .automaticUnreviewed())
                .isZero();
    }

    @Test
    void anOfficersAnswerWithAnEntryClosesTheQuestionAndTeachesTheEntry() {
        String question = "xuat ngu ve que thi bao cong an xa the nao";
        long learner = entryId("khai-bao-tam-vang");
        assertThat(knowledge.suggestionsFor(question, 1))
                .as("before: another entry (or none) comes first")
                .noneMatch(s -> s.id() == learner);

        long thread = ask("user-f", question);
        settle();
        AccessScope officer =
                accounts.scopeOf(Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA()));
        console.reply(
                officer,
                thread,
                knowledge.replyFor(learner).orElseThrow(),
                UUID.randomUUID().toString(),
                learner);

        var answered = jdbc.sql("""
                        SELECT answered_by, answer_entry_id, officer_id FROM conversations.questions
                         WHERE thread_id = ?
                        """)
                .param(thread)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3))
                .single();
        assertThat(answered).isEqualTo("OFFICER/" + learner + "/" + commune.officerA());
        // The index takes the question in after the commit.
        eventually(() -> knowledge.suggestionsFor(question, 1).stream()
                .map(Suggestion::id)
                .findFirst()
                .orElse(0L)
                .equals(learner));
        assertThat(knowledge.suggestionsFor(question, 1).getFirst().id()).isEqualTo(learner);
    }

    @Test
    void theThreadShowsSuggestionsWithTheMatchingWordsMarkedAndSendsOneInOneClick() {
        long thread = ask("user-g", LOST_CARD);
        settle();
        var chief = Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());

        assertThat(mvc.get().uri("/console/conversations/" + thread).with(user(chief)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"suggestions\"")
                .contains("Cấp lại thẻ căn cước khi bị mất")
                .containsPattern("<mark>[^<]*(căn|cước|mất)[^<]*</mark>");

        long entry = entryId("cap-lai-the-can-cuoc");
        assertThat(mvc.post()
                        .uri("/console/conversations/" + thread + "/suggestions/" + entry)
                        .param("formKey", UUID.randomUUID().toString())
                        .with(user(chief))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("""
                        SELECT body FROM conversations.messages WHERE thread_id = ? AND direction = 'OUTBOUND'
                        """).param(thread).query(String.class).single())
                .startsWith("Cấp lại thẻ căn cước khi bị mất");
        assertThat(jdbc.sql("SELECT answered_by FROM conversations.questions WHERE thread_id = ?")
                        .param(thread)
                        .query(String.class)
                        .single())
                .isEqualTo("OFFICER");
    }

    @Test
    void onlyTheChiefOrTheProvinceSwitchesAutomaticAnswersAndNobodyReviewsOutsideTheirScope() {
        var other = Fixtures.commune(jdbc);
        AccessScope otherChief = accounts.scopeOf(Fixtures.signedIn(directory, other.chiefLogin(), other.chief()));
        AccessScope staff = accounts.scopeOf(Fixtures.signedIn(directory, "staff" + commune.code(), commune.staff()));
        assertThatThrownBy(() -> questions.saveSetting(otherChief, commune.code(), true, new BigDecimal("0.90")))
                .isInstanceOf(ReplyRejectedException.class);
        assertThatThrownBy(() -> questions.saveSetting(staff, commune.code(), true, new BigDecimal("0.90")))
                .isInstanceOf(ReplyRejectedException.class);
        assertThatThrownBy(() -> questions.saveSetting(chief(), commune.code(), true, new BigDecimal("0.50")))
                .isInstanceOf(ReplyRejectedException.class);
        assertThat(questions.setting(commune.code()).enabled()).isFalse();

        questions.saveSetting(chief(), commune.code(), true, new BigDecimal("0.85"));
        long thread = ask("user-h", "Cấp lại thẻ căn cước khi bị mất");
        settle();
        long question = jdbc.sql("SELECT id FROM conversations.questions WHERE thread_id = ?")
                .param(thread)
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> questions.review(otherChief, question, false))
                .isInstanceOf(ConversationNotFoundException.class);
        AccessScope officerB =
                accounts.scopeOf(Fixtures.signedIn(directory, commune.officerBLogin(), commune.officerB()));
        assertThatThrownBy(() -> questions.review(officerB, question, false))
                .as("the thread is in village A, officer B covers village B")
                .isInstanceOf(ConversationNotFoundException.class);

        var otherChiefUser = Fixtures.signedIn(directory, other.chiefLogin(), other.chief());
        assertThat(mvc.post()
                        .uri("/console/conversations/questions/" + question + "/review")
                        .param("right", "false")
                        .with(user(otherChiefUser))
                        .with(csrf()))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/console/conversations/questions/settings")
                        .param("communeCode", commune.code())
                        .param("enabled", "true")
                        .param("threshold", "không phải số")
                        .with(user(otherChiefUser))
                        .with(csrf()))
                .hasStatus(400);
        assertThat(mvc.get().uri("/console/conversations/questions").with(user(otherChiefUser)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Cấp lại thẻ căn cước khi bị mất");
        assertThat(mvc.get()
                        .uri("/console/conversations/questions")
                        .with(user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()))))
                .hasStatusOk()
                .bodyText()
                .contains("Cấp lại thẻ căn cước khi bị mất")
                .contains("id=\"q-automatic\">1<")
                .containsPattern("<option value=\"0.85\"[^>]*selected");
    }

    private AccessScope chief() {
        return accounts.scopeOf(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()));
    }

    private long ask(String resident, String text) {
        String account = "oa-q-" + commune.code();
        conversations.recordInbound(new InboundMessage(
                ConversationChannel.ZALO,
                ThreadKind.RESIDENT,
                account,
                resident,
                commune.provinceCode(),
                commune.code(),
                "msg-" + UUID.randomUUID(),
                MessageKind.TEXT,
                text,
                null,
                null,
                null,
                null,
                Instant.now(),
                commune.villageA()));
        return jdbc.sql("SELECT id FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                .params(account, resident)
                .query(Long.class)
                .single();
    }

    /** Questions are taken off the intake path, after commit: wait until every message has been looked at. */
    private void settle() {
        eventually(() -> jdbc.sql("""
                        SELECT count(*) FROM events.event_publication
                         WHERE completion_date IS NULL AND listener_id LIKE '%QuestionListener%'
                        """).query(Long.class).single() == 0);
    }

    private long questionCount(long threadId) {
        return jdbc.sql("SELECT count(*) FROM conversations.questions WHERE thread_id = ?")
                .param(threadId)
                .query(Long.class)
                .single();
    }

    private long automaticReplies(long threadId) {
        return jdbc.sql("SELECT count(*) FROM conversations.messages WHERE thread_id = ? AND automatic")
                .param(threadId)
                .query(Long.class)
                .single();
    }

    private long entryId(String slug) {
        return jdbc.sql("SELECT id FROM knowledge.entries WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
