package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhyen.support.ChildNode.count;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.support.ChildNode;
import vn.binhyen.zalo.internal.WebhookSignature;

/**
 * The promise behind the webhook's 200: an event Zalo was told we have is never lost and never handled twice, even
 * when the process dies mid-stream. The packaged application runs as a separate process on a data directory under
 * target/; 1,000 signed events are sent at it by 16 senders, the process is killed with SIGKILL halfway, restarted on
 * the same data directory (the embedded PostgreSQL left running by the killed process is stopped on start), and the
 * events that did not get their 200 are sent again, as Zalo retries.
 */
class WebhookKillTests {

    static final int EVENTS = 1000;
    static final String OA = "3700000000000000094";
    static final String APP = "2553928453557884079";
    static final String SECRET = "kill-test-oa-secret-key";

    final ChildNode node = new ChildNode("kill-test");

    @Test
    void everyAcknowledgedEventSurvivesAKillAndIsProcessedExactlyOnce() throws Exception {
        node.cleanUp();
        Process first = node.start(1, Duration.ofSeconds(120), "--binhyen.zalo.event-poll-interval=PT0.05S");
        bindOa();

        List<String> bodies = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < EVENTS; i++) {
            bodies.add("{\"app_id\":\"" + APP + "\",\"sender\":{\"id\":\"61000000000000" + (10000 + i % 50)
                    + "\"},\"recipient\":{\"id\":\"" + OA + "\"},\"event_name\":\"user_send_text\","
                    + "\"message\":{\"text\":\"Tin số " + i + "\",\"msg_id\":\"kill" + String.format("%016d", i)
                    + "\"},\"timestamp\":\"" + (now + i) + "\"}");
        }
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < 16; s++) {
                senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < EVENTS; i = next.getAndIncrement()) {
                        if (send(bodies.get(i)) == 200) {
                            acked.add(i);
                        }
                        if (acked.size() == EVENTS / 2 && first.isAlive()) {
                            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, nothing.
                        }
                    }
                    return null;
                });
            }
        }
        first.waitFor();
        assertThat(acked.size()).isBetween(EVENTS / 2, EVENTS - 1);
        long orphan = Long.parseLong(Files.readAllLines(node.data().resolve("postmaster.pid"))
                .getFirst()
                .strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        node.start(2, Duration.ofSeconds(120), "--binhyen.zalo.event-poll-interval=PT0.05S");
        assertThat(node.log(2)).contains("Stopping an orphaned embedded PostgreSQL");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();

        // Zalo retries what it did not get a 200 for; some acknowledged ones come again too.
        for (int i = 0; i < EVENTS; i++) {
            if (!acked.contains(i) || i % 10 == 0) {
                assertThat(send(bodies.get(i))).isEqualTo(200);
            }
        }

        try (Connection db = node.database()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(db, "SELECT count(*) FROM zalo.webhook_events WHERE processed_at IS NULL") > 0
                    || count(db, "SELECT count(*) FROM zalo.webhook_events") < EVENTS) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(count(db, "SELECT count(*) FROM zalo.webhook_events WHERE oa_id = '" + OA + "'"))
                    .isEqualTo(EVENTS);
            assertThat(count(db, "SELECT count(*) FROM zalo.webhook_events WHERE outcome = 'PROCESSED'"))
                    .isEqualTo(EVENTS);
            assertThat(count(db, "SELECT count(*) FROM conversations.messages WHERE external_id LIKE 'kill%'"))
                    .isEqualTo(EVENTS);
            assertThat(
                            count(
                                    db,
                                    "SELECT count(DISTINCT external_id) FROM conversations.messages WHERE external_id LIKE 'kill%'"))
                    .isEqualTo(EVENTS);
            for (int i : acked) {
                assertThat(count(
                                db,
                                "SELECT count(*) FROM zalo.webhook_events WHERE processed_at IS NOT NULL AND event_key = "
                                        + "'user_send_text:kill" + String.format("%016d", i) + "'"))
                        .as("acknowledged event %d", i)
                        .isEqualTo(1);
            }
            assertThat(count(db, "SELECT count(*) FROM conversations.threads WHERE account_ref = '" + OA + "'"))
                    .isEqualTo(50);
        }
    }

    @AfterEach
    void stop() throws Exception {
        node.stop();
    }

    int send(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = body.replaceAll(".*\"timestamp\":\"([0-9]+)\".*", "$1");
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.httpPort() + "/channels/zalo/" + OA + "/webhook"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", "mac=" + WebhookSignature.compute(APP, bytes, timestamp, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return node.http()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    void bindOa() throws SQLException {
        SecretBox box = new SecretBox(Base64.getDecoder().decode(node.masterKey()));
        try (Connection db = node.database();
                var insert = db.prepareStatement("""
                        INSERT INTO zalo.official_accounts (oa_id, app_id, commune_code, province_code, name,
                            app_secret, oa_secret_key)
                        VALUES (?, ?, '24094', '66', 'Công an xã thử', ?, ?)
                        """)) {
            insert.setString(1, OA);
            insert.setString(2, APP);
            insert.setBytes(3, box.seal("kill-test-app-secret", "zalo-oa:" + OA + ":app_secret"));
            insert.setBytes(4, box.seal(SECRET, "zalo-oa:" + OA + ":oa_secret_key"));
            insert.executeUpdate();
        }
    }
}
