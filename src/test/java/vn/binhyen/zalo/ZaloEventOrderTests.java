package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.zalo.internal.WebhookEventProcessor;
import vn.binhyen.zalosim.internal.SimWorld.SimGroup;

/**
 * A backlog of stored webhook events (a burst the lanes have not worked off yet) is handled in arrival order, except
 * that a text which may warn of trouble goes first: the planned fight is not queued behind the village's chatter.
 * Real signed webhooks from the simulator, real PostgreSQL; the lanes are held while the backlog builds up.
 */
class ZaloEventOrderTests extends ZaloIntegrationTest {

    static final String FIGHT = "Tối nay bọn thôn bên mang mã tấu sang hỗn chiến ở sân bóng";

    @Autowired
    WebhookEventProcessor lanes;

    TestCommune commune;
    SimGroup group;
    String member;

    @BeforeEach
    void groupOfAWatchingUnit() {
        commune = Fixtures.commune(jdbc);
        var oa = simZalo.openAndBind(commune.code(), "Công an xã " + commune.code());
        simZalo.connect(oa.oaId());
        group = world.openGroup(oa.oaId(), "Nhóm thôn A " + commune.code());
        member = world.newUser("Thành viên nhóm thôn A").userId();
    }

    @Test
    void aTextThatMayWarnIsHandledBeforeTheChatterStoredAheadOfIt() {
        lanes.stop();
        try {
            for (int i = 0; i < 120; i++) {
                residents.sendGroupText(group, member, "Mai họp tổ dân phố lúc 19h, nhà nào cũng đi nhé " + i);
            }
            residents.sendGroupText(group, member, FIGHT);
            eventually().until(() -> storedFor(group.groupId()) == 121);
            assertThat(jdbc.sql("""
                            SELECT raw_body FROM zalo.webhook_events WHERE ordering_key = ? AND may_warn
                            """).param(group.groupId()).query(String.class).list())
                    .singleElement()
                    .asString()
                    .contains("mã tấu");
        } finally {
            lanes.start();
        }

        eventually().until(() -> messagesInOrder().size() == 121);

        // All of the group's events share one lane; in arrival order the fight would be the 121st message recorded.
        assertThat(messagesInOrder().getFirst()).isEqualTo(FIGHT);
        assertThat(messagesInOrder().subList(1, 121)).noneMatch(FIGHT::equals);
    }

    private int storedFor(String groupId) {
        return jdbc.sql("SELECT count(*) FROM zalo.webhook_events WHERE ordering_key = ?")
                .param(groupId)
                .query(Integer.class)
                .single();
    }

    /** The group's messages in the order they were recorded (their ids), not the order they were sent. */
    private List<String> messagesInOrder() {
        return jdbc.sql("""
                        SELECT m.body FROM conversations.messages m
                          JOIN conversations.threads t ON t.id = m.thread_id
                         WHERE t.contact_ref = ? ORDER BY m.id
                        """).param(group.groupId()).query(String.class).list();
    }
}
