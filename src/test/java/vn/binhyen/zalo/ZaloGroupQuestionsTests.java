package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.conversations.internal.Questions;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.zalosim.internal.SimWorld.SimGroup;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * A village group's message addressed to the page is a question like a resident's (suggestions in the group's thread,
 * one click sends the answer into the group through the OA, the figures count it); the group's own talk is not, and
 * no automatic answer ever goes to a group. Real webhooks from the simulator, real PostgreSQL.
 */
class ZaloGroupQuestionsTests extends ZaloIntegrationTest {

    static final String ADDRESSED = "công an ơi cho hỏi làm lại cccd bị mất cần gì";
    static final String CHATTER = "mai họp tổ dân phố nhé";

    @Autowired
    ZaloCommunityGroups groups;

    @Autowired
    Questions questions;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    WebApplicationContext context;

    TestCommune commune;
    SimOa oa;
    SimGroup group;
    String member;

    @BeforeEach
    void linkedGroup() {
        commune = Fixtures.commune(jdbc);
        oa = simZalo.openAndBind(commune.code(), "Công an xã " + commune.code());
        simZalo.connect(oa.oaId());
        group = world.openGroup(oa.oaId(), "Nhóm an ninh Thôn A " + commune.code());
        long communityGroup =
                jdbc.sql("""
                        INSERT INTO directory.community_groups (village_id, name) VALUES (?, 'An ninh Thôn A') RETURNING id
                        """).param(commune.villageA()).query(Long.class).single();
        groups.refresh(oa.oaId());
        groups.link(oa.oaId(), group.groupId(), communityGroup);
        member = world.newUser("Thành viên nhóm thôn A").userId();
    }

    @Test
    void aMessageAddressedToThePageIsAQuestionAnsweredIntoTheGroupAndTheGroupsTalkIsNot() throws Exception {
        // The chief allows automatic answers: they still never go to a group.
        questions.saveSetting(chief(), commune.code(), true, new BigDecimal("0.80"));
        residents.sendGroupText(group, member, CHATTER);
        residents.sendGroupText(group, member, ADDRESSED);
        long thread = eventually()
                .until(
                        () -> jdbc.sql("SELECT id FROM conversations.threads WHERE contact_ref = ?")
                                .param(group.groupId())
                                .query(Long.class)
                                .optional()
                                .orElse(0L),
                        id -> id > 0);
        eventually().until(() -> inbound(thread) == 2);
        settle();

        var question = jdbc.sql("""
                        SELECT q.text, e.slug, q.answered_at IS NULL FROM conversations.questions q
                          JOIN knowledge.entries e ON e.id = q.best_entry_id
                         WHERE q.thread_id = ?
                        """)
                .param(thread)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)})
                .single();
        assertThat(question[0])
                .as("the address is taken off, the group's talk neither opens nor joins the question")
                .isEqualTo("cho hỏi làm lại cccd bị mất cần gì");
        assertThat(question[1]).isEqualTo("cap-lai-the-can-cuoc");
        assertThat(question[2]).as("waiting for an officer").isEqualTo(true);
        assertThat(listenersOf(CHATTER))
                .as("the group's talk is counted, not looked at as a question or a reply")
                .containsExactlyInAnyOrder("RollupListeners");
        assertThat(listenersOf(ADDRESSED))
                .as("a group message is never a reply to a bulletin")
                .containsExactlyInAnyOrder("RollupListeners", "QuestionListener");
        // Early warning reads both from its own queue, not through the registry (decision 0010).
        eventually()
                .until(() -> jdbc.sql("SELECT count(*) FROM incidents.signals WHERE text IN (?, ?)")
                                .params(CHATTER, ADDRESSED)
                                .query(Integer.class)
                                .single()
                        == 2);

        // The area officer sees the suggestions in the group's thread and sends the first in one click.
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var officerA = user(Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA()));
        mvc.perform(get("/console/conversations/" + thread).with(officerA))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"suggestions\"")))
                .andExpect(content().string(Matchers.containsString("Cấp lại thẻ căn cước khi bị mất")));
        long entry = jdbc.sql("SELECT id FROM knowledge.entries WHERE slug = 'cap-lai-the-can-cuoc'")
                .query(Long.class)
                .single();
        mvc.perform(post("/console/conversations/" + thread + "/suggestions/" + entry)
                        .param("formKey", UUID.randomUUID().toString())
                        .with(officerA)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        eventually()
                .until(() -> jdbc.sql("""
                                SELECT count(*) FROM zalo.deliveries
                                 WHERE oa_id = ? AND target = 'GROUP' AND recipient_id = ? AND text LIKE 'Cấp lại thẻ căn cước khi bị mất%'
                                """)
                                .params(oa.oaId(), group.groupId())
                                .query(Long.class)
                                .single()
                        == 1);
        eventually()
                .untilAsserted(() -> assertThat(world.conversation(oa.oaId(), group.groupId()))
                        .anyMatch(m -> m.fromOa && m.text.startsWith("Cấp lại thẻ căn cước khi bị mất")));
        assertThat(jdbc.sql("SELECT answered_by FROM conversations.questions WHERE thread_id = ?")
                        .param(thread)
                        .query(String.class)
                        .single())
                .isEqualTo("OFFICER");

        // Asked as the entry says, the question scores above the unit's threshold: still only suggested.
        residents.sendGroupText(group, member, "CA xã ơi, cấp lại thẻ căn cước khi bị mất thì làm thế nào ạ?");
        eventually().until(() -> inbound(thread) == 3);
        settle();
        var second = jdbc.sql("""
                        SELECT best_score, answered_at IS NULL FROM conversations.questions
                         WHERE thread_id = ? ORDER BY id DESC LIMIT 1
                        """)
                .param(thread)
                .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getBoolean(2)})
                .single();
        assertThat((BigDecimal) second[0]).isGreaterThanOrEqualTo(new BigDecimal("0.80"));
        assertThat(second[1]).as("no automatic answer in a group").isEqualTo(true);
        assertThat(jdbc.sql("SELECT count(*) FROM conversations.messages WHERE thread_id = ? AND automatic")
                        .param(thread)
                        .query(Long.class)
                        .single())
                .isZero();

        // The unit's figures and the rollups count both questions and the officer's answer.
        var figures = questions.figures(chief(), Instant.now().minus(Duration.ofHours(1)), Instant.now());
        assertThat(figures.received()).isEqualTo(2);
        assertThat(figures.byOfficer()).isEqualTo(1);
        assertThat(figures.automatic()).isZero();
        assertThat(figures.waiting()).isEqualTo(1);
        eventually().until(() -> rollup("QUESTIONS_ASKED") == 2 && rollup("QUESTIONS_ANSWERED") == 1);
        eventually().until(() -> rollup("GROUP_MESSAGES") == 3);
    }

    private AccessScope chief() {
        return accounts.scopeOf(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()));
    }

    private long inbound(long thread) {
        return jdbc.sql("SELECT count(*) FROM conversations.messages WHERE thread_id = ? AND direction = 'INBOUND'")
                .param(thread)
                .query(Long.class)
                .single();
    }

    /** The commune's figure for today, summed over its dimensions. */
    private long rollup(String measure) {
        return jdbc.sql("""
                        SELECT coalesce(sum(value), 0) FROM insights.daily_figures
                         WHERE level = 'C' AND unit = ? AND measure = ?
                        """).params(commune.code(), measure).query(Long.class).single();
    }

    /** The classes whose listeners the event registry recorded for the message with this text (and its question). */
    private java.util.List<String> listenersOf(String text) {
        return jdbc.sql("""
                        SELECT listener_id FROM events.event_publication
                         WHERE (event_type LIKE '%.MessageReceived' OR event_type LIKE '%.QuestionCandidate')
                           AND serialized_event LIKE ?
                        """).param("%\"text\":\"" + text + "\"%").query(String.class).list().stream()
                .map(id -> id.replaceAll(".*\\.([A-Za-z]+)\\.on\\(.*", "$1"))
                .toList();
    }

    /** Questions are taken off the intake path, after commit: wait until every message has been looked at. */
    private void settle() {
        eventually().until(() -> jdbc.sql("""
                                SELECT count(*) FROM events.event_publication
                                 WHERE completion_date IS NULL AND listener_id LIKE '%QuestionListener%'
                                """).query(Long.class).single() == 0);
    }
}
