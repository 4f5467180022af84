package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The webhook as Zalo (or an attacker) sees it: status codes, what is stored, what is processed. */
class ZaloWebhookTests extends ZaloIntegrationTest {

    static final String OA_ID = "3662729599332560487";

    @Autowired
    ZaloAccounts accounts;

    @BeforeEach
    void bindTheReferenceOa() {
        commune("24101");
        accounts.bind(new NewOfficialAccount(
                "24101",
                OA_ID,
                WebhookSignatureTests.APP_ID,
                "Công an xã thử",
                "app-secret-for-tests",
                WebhookSignatureTests.OA_SECRET));
    }

    @Test
    void theReferenceEventIsStoredAnsweredAndBecomesAThreadMessage() throws Exception {
        byte[] body = WebhookSignatureTests.BODY.getBytes(StandardCharsets.UTF_8);

        var response = postWebhook(OA_ID, body, WebhookSignatureTests.HEADER, 0);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT raw_body FROM zalo.webhook_events WHERE event_key = ?")
                        .param("user_send_text:cb31dff1c39642cc1b83")
                        .query(String.class)
                        .single())
                .isEqualTo(WebhookSignatureTests.BODY);
        eventually()
                .untilAsserted(() -> assertThat(
                                jdbc.sql("""
                                SELECT m.body FROM conversations.messages m
                                  JOIN conversations.threads t ON t.id = m.thread_id
                                 WHERE t.account_ref = ? AND t.contact_ref = '6142494823000000000'
                                """).param(OA_ID).query(String.class).list())
                        .containsExactly("Xin chào"));
    }

    @Test
    void aReplayedEventIsAnsweredButStoredOnce() throws Exception {
        byte[] body = WebhookSignatureTests.BODY.getBytes(StandardCharsets.UTF_8);
        postWebhook(OA_ID, body, WebhookSignatureTests.HEADER, 0);
        int stored = storedEvents(OA_ID);

        var replay = postWebhook(OA_ID, body, WebhookSignatureTests.HEADER, 3);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(storedEvents(OA_ID)).isEqualTo(stored);
    }

    @Test
    void aTamperedBodyIsRefusedAndNothingIsStored() throws Exception {
        int before = storedEvents(OA_ID);
        byte[] tampered = WebhookSignatureTests.BODY
                .replace("Xin chào", "Chuyển tiền gấp")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(postWebhook(OA_ID, tampered, WebhookSignatureTests.HEADER, 0).statusCode())
                .isEqualTo(401);
        assertThat(storedEvents(OA_ID)).isEqualTo(before);
    }

    @Test
    void aSignatureMadeWithTheWrongSecretIsRefused() throws Exception {
        int before = storedEvents(OA_ID);
        String body = WebhookSignatureTests.BODY.replace("cb31dff1c39642cc1b83", "aaaaaaaaaaaaaaaaaaa1");
        String signature = sign(WebhookSignatureTests.APP_ID, body, "app-secret-for-tests");

        var response = postWebhook(OA_ID, body.getBytes(StandardCharsets.UTF_8), signature, 0);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(storedEvents(OA_ID)).isEqualTo(before);
    }

    @Test
    void aMissingSignatureIsRefused() throws Exception {
        int before = storedEvents(OA_ID);
        var response = postWebhook(OA_ID, WebhookSignatureTests.BODY.getBytes(StandardCharsets.UTF_8), null, 0);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(storedEvents(OA_ID)).isEqualTo(before);
    }

    @Test
    void anEventOlderThanTheReplayWindowIsRefusedEvenWhenSigned() throws Exception {
        String body = WebhookSignatureTests.BODY
                .replace("1699003881354", "1000000000000")
                .replace("cb31dff1c39642cc1b83", "bbbbbbbbbbbbbbbbbbb2");
        var response = postWebhook(
                OA_ID,
                body.getBytes(StandardCharsets.UTF_8),
                sign(WebhookSignatureTests.APP_ID, body, WebhookSignatureTests.OA_SECRET),
                0);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownEventTypeIsStoredAnsweredAndIgnored() throws Exception {
        String body = "{\"app_id\":\"2553928453557884079\",\"oa_id\":\"" + OA_ID
                + "\",\"event_name\":\"user_did_something_new\",\"timestamp\":\"1699003899999\"}";
        var response = postWebhook(
                OA_ID,
                body.getBytes(StandardCharsets.UTF_8),
                sign(WebhookSignatureTests.APP_ID, body, WebhookSignatureTests.OA_SECRET),
                0);

        assertThat(response.statusCode()).isEqualTo(200);
        eventually()
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT outcome FROM zalo.webhook_events WHERE oa_id = ? AND event_name = ?")
                                        .params(OA_ID, "user_did_something_new")
                                        .query(String.class)
                                        .list())
                        .containsExactly("IGNORED"));
    }

    @Test
    void brokenJsonIsABadRequestAndAnUnknownOaIsNotFound() throws Exception {
        assertThat(postWebhook(OA_ID, "{not json".getBytes(StandardCharsets.UTF_8), "mac=00", 0)
                        .statusCode())
                .isEqualTo(400);
        assertThat(postWebhook(OA_ID, "[1,2]".getBytes(StandardCharsets.UTF_8), "mac=00", 0)
                        .statusCode())
                .isEqualTo(400);
        assertThat(postWebhook(
                                "1111111111",
                                WebhookSignatureTests.BODY.getBytes(StandardCharsets.UTF_8),
                                WebhookSignatureTests.HEADER,
                                0)
                        .statusCode())
                .isEqualTo(404);
        assertThat(postWebhook("../../etc", new byte[0], null, 0).statusCode()).isBetween(400, 404);
    }

    @Test
    void refusalsSayWhyInVietnameseAndOnlyPostIsTaken() throws Exception {
        var unsigned = postWebhook(OA_ID, WebhookSignatureTests.BODY.getBytes(StandardCharsets.UTF_8), null, 0);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(unsigned.body()).contains("\"error\":-401").contains("Chữ ký X-ZEvent-Signature không đúng");

        var get = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + port + "/channels/zalo/" + OA_ID + "/webhook"))
                        .GET()
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get.body()).contains("chỉ nhận POST");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        // A signed event padded past the 64 KB limit: refused before any work, and nothing is stored.
        String padded = WebhookSignatureTests.BODY.replace("\"text\":\"", "\"text\":\"" + "x".repeat(70_000));
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        String signature = sign(WebhookSignatureTests.APP_ID, padded, WebhookSignatureTests.OA_SECRET);
        int before = storedEvents(OA_ID);

        var declared = postWebhook(OA_ID, body, signature, 0);
        var chunked = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + port + "/channels/zalo/" + OA_ID + "/webhook"))
                        .header("X-ZEvent-Signature", signature)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(body)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("quá lớn");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(storedEvents(OA_ID)).isEqualTo(before);
    }
}
