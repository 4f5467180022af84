package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.conversations.ReplyState;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.zalosim.internal.SimAuthority;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * The whole path through the simulator: residents write (signed webhooks, redelivered, reordered), officers reply
 * (delivery queue, tokens, Zalo's errors) and the reply's state follows the receipts.
 */
class ZaloConversationFlowTests extends ZaloIntegrationTest {

    static final String COMMUNE = "24103";

    @Autowired
    SimAuthority authority;

    @Autowired
    ConversationConsole console;

    @Autowired
    ZaloAccounts accounts;

    SimOa oa;

    @BeforeEach
    void connectedPage() {
        commune(COMMUNE);
        oa = simZalo.openAndBind(COMMUNE, "Công an xã luồng");
        if (accounts.account(oa.oaId()).orElseThrow().status() != ConnectionStatus.CONNECTED) {
            simZalo.connect(oa.oaId());
        }
    }

    long threadOf(String contact) {
        return jdbc.sql("SELECT id FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                .params(oa.oaId(), contact)
                .query(Long.class)
                .single();
    }

    List<String> bodies(String contact) {
        return jdbc.sql("""
                        SELECT m.body FROM conversations.messages m JOIN conversations.threads t ON t.id = m.thread_id
                         WHERE t.account_ref = ? AND t.contact_ref = ? ORDER BY m.sent_at, m.id
                        """).params(oa.oaId(), contact).query(String.class).list();
    }

    String signedText(String userId, String msgId, String text, long timestamp) {
        return "{\"app_id\":\"" + oa.appId() + "\",\"sender\":{\"id\":\"" + userId + "\"},\"recipient\":{\"id\":\""
                + oa.oaId() + "\"},\"event_name\":\"user_send_text\",\"message\":{\"text\":\"" + text
                + "\",\"msg_id\":\"" + msgId + "\"},\"timestamp\":\"" + timestamp + "\"}";
    }

    @Test
    void aRetryStormOfOneMessageAppendsItOnce() throws Exception {
        String user = "6100000000000000001";
        String body = signedText(user, "storm0000000000000001", "Có trộm chó ở thôn 3", System.currentTimeMillis());
        String signature = sign(oa.appId(), body, oa.oaSecretKey());
        List<Future<Integer>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 24; i++) {
                int retry = i % 6;
                answers.add(pool.submit(
                        () -> postWebhook(oa.oaId(), body.getBytes(StandardCharsets.UTF_8), signature, retry)
                                .statusCode()));
            }
        }
        for (var answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        eventually().untilAsserted(() -> assertThat(bodies(user)).containsExactly("Có trộm chó ở thôn 3"));
        Thread.sleep(500);
        assertThat(bodies(user)).hasSize(1);
    }

    @Test
    void messagesDeliveredOutOfOrderAreAppendedOnceAndReadInTheOrderSent() throws Exception {
        String user = "6100000000000000002";
        long now = System.currentTimeMillis();
        String first = signedText(user, "order000000000000001", "Thứ nhất", now - 2000);
        String second = signedText(user, "order000000000000002", "Thứ hai", now - 1000);

        postWebhook(oa.oaId(), second.getBytes(StandardCharsets.UTF_8), sign(oa.appId(), second, oa.oaSecretKey()), 0);
        postWebhook(oa.oaId(), first.getBytes(StandardCharsets.UTF_8), sign(oa.appId(), first, oa.oaSecretKey()), 0);
        postWebhook(oa.oaId(), second.getBytes(StandardCharsets.UTF_8), sign(oa.appId(), second, oa.oaSecretKey()), 1);

        eventually().untilAsserted(() -> assertThat(bodies(user)).containsExactly("Thứ nhất", "Thứ hai"));
    }

    @Test
    void anUnfollowDeliveredBeforeItsFollowStillEndsUnfollowedAndBothAreCounted() throws Exception {
        String user = "6100000000000000003";
        long now = System.currentTimeMillis();
        String follow = "{\"oa_id\":\"" + oa.oaId() + "\",\"follower\":{\"id\":\"" + user
                + "\"},\"event_name\":\"follow\",\"source\":\"oa_profile\",\"app_id\":\"" + oa.appId()
                + "\",\"timestamp\":\"" + (now - 5000) + "\"}";
        String unfollow =
                follow.replace("\"follow\"", "\"unfollow\"").replace(String.valueOf(now - 5000), String.valueOf(now));

        postWebhook(
                oa.oaId(), unfollow.getBytes(StandardCharsets.UTF_8), sign(oa.appId(), unfollow, oa.oaSecretKey()), 0);
        eventually().until(() -> following(user) != null);
        postWebhook(oa.oaId(), follow.getBytes(StandardCharsets.UTF_8), sign(oa.appId(), follow, oa.oaSecretKey()), 0);
        eventually()
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM zalo.webhook_events WHERE oa_id = ? AND processed_at IS NULL")
                                        .param(oa.oaId())
                                        .query(Integer.class)
                                        .single()
                                == 0);

        assertThat(following(user)).isFalse();
        assertThat(jdbc.sql("SELECT sum(follows) * 10 + sum(unfollows) FROM zalo.follower_daily_counts WHERE oa_id = ?")
                        .param(oa.oaId())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(11);
    }

    Boolean following(String user) {
        return jdbc.sql("SELECT following FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                .params(oa.oaId(), user)
                .query(Boolean.class)
                .optional()
                .orElse(null);
    }

    @Test
    void anOfficersReplyIsSentOnceAndFollowedToSeen() {
        String user = "6142494823000000001";
        residents.follow(oa, user, true);
        residents.sendText(oa, user, "Nhờ công an kiểm tra giúp nhà bên cạnh");
        eventually().until(() -> !bodies(user).isEmpty());
        long thread = threadOf(user);
        String formKey = UUID.randomUUID().toString();

        long reply = console.reply(communeStaff(COMMUNE), thread, "Công an xã đã nhận, sẽ đến kiểm tra.", formKey);
        long again = console.reply(communeStaff(COMMUNE), thread, "Công an xã đã nhận, sẽ đến kiểm tra.", formKey);

        assertThat(again).isEqualTo(reply);
        eventually().untilAsserted(() -> assertThat(replyState(reply)).isEqualTo(ReplyState.DELIVERED));
        assertThat(world.conversation(oa.oaId(), user).stream().filter(m -> m.fromOa))
                .hasSize(1);

        residents.read(oa, user);
        eventually().untilAsserted(() -> assertThat(replyState(reply)).isEqualTo(ReplyState.SEEN));
    }

    @Test
    void aReplyOutsideTheSevenDayWindowFailsWithAnExplanation() {
        String user = "6142494823000000003";
        residents.sendText(oa, user, "Xin hỏi thủ tục tạm trú");
        eventually().until(() -> !bodies(user).isEmpty());
        world.forgetInteraction(oa.oaId(), user);

        long reply = console.reply(
                communeStaff(COMMUNE),
                threadOf(user),
                "Anh mang CCCD đến trụ sở.",
                UUID.randomUUID().toString());

        eventually().untilAsserted(() -> assertThat(replyState(reply)).isEqualTo(ReplyState.FAILED));
        assertThat(failureKey(reply)).isEqualTo("zalo.reply.failed.window");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheReplyStillGoes() {
        String user = "6142494823000000004";
        residents.sendText(oa, user, "Mất xe máy trước chợ");
        eventually().until(() -> !bodies(user).isEmpty());
        authority.expireAccessToken(oa.oaId());

        long reply = console.reply(
                communeStaff(COMMUNE),
                threadOf(user),
                "Anh đến trình báo nhé.",
                UUID.randomUUID().toString());

        eventually().untilAsserted(() -> assertThat(replyState(reply)).isIn(ReplyState.SENT, ReplyState.DELIVERED));
        assertThat(accounts.account(oa.oaId()).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void aRevokedConnectionIsSurfacedOnTheOaAndOnTheReply() {
        String user = "6142494823000000002";
        residents.sendText(oa, user, "Có người lạ vào thôn");
        eventually().until(() -> !bodies(user).isEmpty());
        authority.expireAccessToken(oa.oaId());
        authority.revokeRefreshTokens(oa.oaId());

        long reply = console.reply(
                communeStaff(COMMUNE),
                threadOf(user),
                "Đã ghi nhận.",
                UUID.randomUUID().toString());

        eventually().untilAsserted(() -> assertThat(replyState(reply)).isEqualTo(ReplyState.FAILED));
        assertThat(failureKey(reply)).isEqualTo("zalo.reply.failed.not-connected");
        var account = accounts.account(oa.oaId()).orElseThrow();
        assertThat(account.status()).isEqualTo(ConnectionStatus.BROKEN);
        assertThat(account.connectionProblem()).contains("-14014");

        simZalo.connect(oa.oaId());
        assertThat(accounts.account(oa.oaId()).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void concurrentRefreshesSpendTheRefreshTokenOnce() throws Exception {
        var keeper = tokenKeeper();
        String stale = keeper.accessToken(oa.oaId());
        authority.expireAccessToken(oa.oaId());
        List<Future<String>> tokens = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                tokens.add(pool.submit(() -> keeper.refreshAfterRejection(oa.oaId(), stale)));
            }
        }
        String first = tokens.getFirst().get();
        for (var token : tokens) {
            assertThat(token.get()).isEqualTo(first).isNotEqualTo(stale);
        }
        assertThat(accounts.account(oa.oaId()).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void otherCommunesDoNotSeeTheThread() {
        String user = "6100000000000000009";
        residents.sendText(oa, user, "Tin riêng của xã");
        eventually().until(() -> !bodies(user).isEmpty());
        long thread = threadOf(user);

        assertThat(console.inbox(communeStaff(COMMUNE), null)).anyMatch(t -> t.id() == thread);
        assertThat(console.inbox(communeStaff("24199"), null)).noneMatch(t -> t.id() == thread);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> console.thread(communeStaff("24199"), thread))
                .isInstanceOf(vn.binhyen.conversations.ConversationNotFoundException.class);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    vn.binhyen.zalo.internal.TokenKeeper tokenKeeper() {
        return context.getBean(vn.binhyen.zalo.internal.TokenKeeper.class);
    }

    ReplyState replyState(long messageId) {
        return ReplyState.valueOf(jdbc.sql("SELECT reply_state FROM conversations.messages WHERE id = ?")
                .param(messageId)
                .query(String.class)
                .single());
    }

    String failureKey(long messageId) {
        return jdbc.sql("SELECT failure_key FROM conversations.messages WHERE id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }
}
