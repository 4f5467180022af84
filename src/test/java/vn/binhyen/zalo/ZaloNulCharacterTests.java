package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * A resident's Zalo text with U+0000 (JSON carries it as {@code \u0000}): the event was stored, then every attempt to
 * copy it into the officers' inbox failed in PostgreSQL, so officers never saw the message. It arrives without it.
 */
class ZaloNulCharacterTests extends ZaloIntegrationTest {

    static final String COMMUNE = "24108";

    @Autowired
    ZaloAccounts accounts;

    SimOa oa;

    @BeforeEach
    void connectedPage() {
        commune(COMMUNE);
        oa = simZalo.openAndBind(COMMUNE, "Công an xã ký tự rỗng");
        if (accounts.account(oa.oaId()).orElseThrow().status() != ConnectionStatus.CONNECTED) {
            simZalo.connect(oa.oaId());
        }
    }

    @Test
    void aTextWithANulReachesTheInboxWithoutIt() throws Exception {
        String user = "6100000000000000900";
        String body = "{\"app_id\":\"" + oa.appId() + "\",\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\""
                + oa.oaId() + "\"},\"event_name\":\"user_send_text\",\"message\":{\"text\":\"Có trộm\\u0000 ở thôn 3\","
                + "\"msg_id\":\"nul00000000000000001\"},\"timestamp\":\"" + System.currentTimeMillis() + "\"}";
        assertThat(postWebhook(
                                oa.oaId(),
                                body.getBytes(StandardCharsets.UTF_8),
                                sign(oa.appId(), body, oa.oaSecretKey()),
                                0)
                        .statusCode())
                .isEqualTo(200);
        eventually().untilAsserted(() -> assertThat(bodies(user)).containsExactly("Có trộm ở thôn 3"));
    }

    private List<String> bodies(String contact) {
        return jdbc.sql("""
                        SELECT m.body FROM conversations.messages m JOIN conversations.threads t ON t.id = m.thread_id
                         WHERE t.account_ref = ? AND t.contact_ref = ? ORDER BY m.sent_at, m.id
                        """).params(oa.oaId(), contact).query(String.class).list();
    }
}
