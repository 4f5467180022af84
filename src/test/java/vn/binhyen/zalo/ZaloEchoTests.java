package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.conversations.internal.ConversationConsole;

/**
 * Zalo echoes what the page sends ({@code oa_send_*}). What the OA's admin writes in Zalo's own chat goes into the
 * thread as a police message; echoes of BinhYen's own replies are already there and add nothing.
 */
class ZaloEchoTests extends ZaloIntegrationTest {

    static final String COMMUNE = "24107";

    @Autowired
    ConversationConsole console;

    record Line(String direction, String body, boolean byOfficer, String state) {}

    List<Line> thread(String oaId, String contact) {
        return jdbc.sql("""
                        SELECT m.direction, m.body, m.officer_id IS NOT NULL AS by_officer, m.reply_state
                          FROM conversations.messages m JOIN conversations.threads t ON t.id = m.thread_id
                         WHERE t.account_ref = ? AND t.contact_ref = ? ORDER BY m.sent_at, m.id
                        """)
                .params(oaId, contact)
                .query((rs, n) ->
                        new Line(rs.getString(1), rs.getString(2), rs.getBoolean(3), String.valueOf(rs.getString(4))))
                .list();
    }

    @Test
    void whatTheOaAdminWritesInZaloJoinsTheThreadOnceAndEchoesOfOurOwnRepliesAddNothing() throws Exception {
        commune(COMMUNE);
        var oa = simZalo.openAndBind(COMMUNE, "Công an xã vọng");
        simZalo.connect(oa.oaId());
        String user = world.newUser("Người dân vọng").userId();
        residents.sendText(oa, user, "Nhà tôi bị mất trộm xe đạp");
        eventually().until(() -> thread(oa.oaId(), user).size() == 1);

        // The OA's admin answers from Zalo's own OA chat, outside BinhYen; Zalo redelivers the echo once more.
        var admin = simZalo.adminWrites(oa, user, "Chào anh, công an xã sẽ liên hệ lại ngay.");
        eventually()
                .untilAsserted(() -> assertThat(thread(oa.oaId(), user))
                        .contains(new Line("OUTBOUND", "Chào anh, công an xã sẽ liên hệ lại ngay.", false, "SENT")));
        residents.echo(oa, user, admin);

        // An officer answers in the console; Zalo echoes that send too.
        long threadId = jdbc.sql("SELECT id FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                .params(oa.oaId(), user)
                .query(Long.class)
                .single();
        console.reply(
                communeStaff(COMMUNE),
                threadId,
                "Công an xã đã nhận tin của anh.",
                UUID.randomUUID().toString());
        eventually()
                .untilAsserted(() -> assertThat(world.conversation(oa.oaId(), user))
                        .anyMatch(m -> m.fromOa && m.text.equals("Công an xã đã nhận tin của anh.")));
        var ours = world.conversation(oa.oaId(), user).stream()
                .filter(m -> m.text.equals("Công an xã đã nhận tin của anh."))
                .findFirst()
                .orElseThrow();
        eventually()
                .until(() -> jdbc.sql("SELECT count(*) FROM zalo.deliveries WHERE zalo_message_id = ?")
                                .param(ours.msgId)
                                .query(Integer.class)
                                .single()
                        == 1);
        residents.echo(oa, user, ours);
        eventually()
                .until(() -> jdbc.sql("""
                                        SELECT count(*) FROM zalo.webhook_events
                                         WHERE oa_id = ? AND event_name = 'oa_send_text' AND processed_at IS NOT NULL
                                        """).param(oa.oaId()).query(Integer.class).single() == 2);

        assertThat(thread(oa.oaId(), user))
                .extracting(Line::body)
                .containsExactly(
                        "Nhà tôi bị mất trộm xe đạp",
                        "Chào anh, công an xã sẽ liên hệ lại ngay.",
                        "Công an xã đã nhận tin của anh.");
        assertThat(jdbc.sql("""
                        SELECT outcome FROM zalo.webhook_events
                         WHERE oa_id = ? AND event_name = 'oa_send_text' ORDER BY id
                        """).param(oa.oaId()).query(String.class).list()).containsExactly("PROCESSED", "IGNORED");
    }
}
