package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;
import vn.binhyen.bulletins.internal.BulletinStore;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.InboundMessage;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;

/**
 * A bulletin's page lists only the replies whose conversation the officer's own inbox shows: a commune-wide bulletin
 * reaches residents of every village and of none, and a province-wide one residents of every commune.
 */
class BulletinReplyScopeTests extends BulletinsIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Conversations conversations;

    @Autowired
    BulletinStore store;

    MockMvcTester mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcTester.from(
                context, builder -> builder.apply(springSecurity()).build());
    }

    @Test
    void eachOfficerSeesTheRepliesOfTheThreadsTheirInboxShows() {
        Place place = place();
        TestCommune commune = place.commune();
        TestCommune other = Fixtures.commune(jdbc);
        long bulletin = bulletins
                .submit(
                        chief(place),
                        null,
                        draft(BulletinKind.SECURITY, "Tuần tra đêm", Audience.communes(Set.of(commune.code()))))
                .id();

        long[] queued = reply(bulletin, commune, null, "Nhà tôi ở cuối xóm, gọi tôi số 0912345678");
        reply(bulletin, commune, commune.villageA(), "Thôn A cảm ơn các anh");
        reply(bulletin, other, null, "Xã bên này cũng cần tuần tra");

        assertThat(mvc.get().uri("/console/conversations/" + queued[0]).with(user(officerA(place))))
                .hasStatus(404);
        assertThat(mvc.get().uri("/console/bulletins/" + bulletin).with(user(officerA(place))))
                .hasStatusOk()
                .bodyText()
                .contains("Thôn A cảm ơn các anh")
                .doesNotContain("0912345678", "Xã bên này");
        assertThat(mvc.get().uri("/console/bulletins/" + bulletin).with(user(officerB(place))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("0912345678", "Thôn A cảm ơn các anh", "Xã bên này");
        assertThat(mvc.get().uri("/console/bulletins/" + bulletin).with(user(chief(place))))
                .hasStatusOk()
                .bodyText()
                .contains("0912345678", "Thôn A cảm ơn các anh")
                .doesNotContain("Xã bên này");
    }

    /**
     * A resident's message in their own thread (in a village, or in the commune queue), linked to the bulletin as the
     * reply linker links one.
     *
     * @return the thread and the message
     */
    long[] reply(long bulletin, TestCommune commune, @Nullable Long village, String text) {
        String contact = "u" + commune.code() + Math.abs(text.hashCode());
        conversations.recordInbound(new InboundMessage(
                ConversationChannel.ZALO,
                ThreadKind.RESIDENT,
                "oa" + commune.code(),
                contact,
                commune.provinceCode(),
                commune.code(),
                "m" + Math.abs(text.hashCode()),
                MessageKind.TEXT,
                text,
                null,
                null,
                null,
                null,
                Instant.now(),
                village));
        long[] ids = jdbc.sql("""
                        SELECT t.id, m.id FROM conversations.threads t JOIN conversations.messages m ON m.thread_id = t.id
                         WHERE t.contact_ref = ? AND m.body = ?
                        """)
                .params(contact, text)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        store.linkReply(bulletin, ids[0], ids[1], false, Instant.now());
        return ids;
    }
}
