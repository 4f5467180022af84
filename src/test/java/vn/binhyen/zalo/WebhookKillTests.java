package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.binhyen.shared.crypto.SecretBox;
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
    /** Chosen once per run and kept across the restart; free ports, so worktrees running the suite side by side agree. */
    static final int HTTP_PORT = freePort();

    static final int DB_PORT = freePort();
    static final String OA = "3700000000000000094";
    static final String APP = "2553928453557884079";
    static final String SECRET = "kill-test-oa-secret-key";

    final Path work = Path.of("target", "kill-test");

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    final Path data = work.resolve("pg");
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String masterKey;
    Process app;

    WebhookKillTests() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillAndIsProcessedExactlyOnce() throws Exception {
        cleanUp();
        app = start(1);
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
        Process first = app;
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
        long orphan = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        app = start(2);
        assertThat(Files.readString(work.resolve("app-2.log"))).contains("Stopping an orphaned embedded PostgreSQL");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();

        // Zalo retries what it did not get a 200 for; some acknowledged ones come again too.
        for (int i = 0; i < EVENTS; i++) {
            if (!acked.contains(i) || i % 10 == 0) {
                assertThat(send(bodies.get(i))).isEqualTo(200);
            }
        }

        try (Connection db = database()) {
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
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        stopPostgres();
    }

    int send(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = body.replaceAll(".*\"timestamp\":\"([0-9]+)\".*", "$1");
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + HTTP_PORT + "/channels/zalo/" + OA + "/webhook"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", "mac=" + WebhookSignature.compute(APP, bytes, timestamp, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    Process start(int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.binhyen.BinhYenApplication",
                "--server.port=" + HTTP_PORT,
                "--binhyen.db.port=" + DB_PORT,
                "--binhyen.db.data-directory=" + data.toAbsolutePath(),
                "--binhyen.db.fresh-database=false",
                "--binhyen.demo.enabled=false",
                "--binhyen.zalo.simulator.enabled=false",
                "--binhyen.crypto.master-key=" + masterKey,
                "--binhyen.zalo.event-poll-interval=PT0.05S",
                "--spring.main.banner-mode=off");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + run + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(process.isAlive())
                    .as("app run %d alive (see target/kill-test/app-%d.log)", run, run)
                    .isTrue();
            assertThat(System.nanoTime()).as("app run %d ready in time", run).isLessThan(deadline);
            try {
                var ready = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + HTTP_PORT + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
    }

    void bindOa() throws SQLException {
        SecretBox box = new SecretBox(Base64.getDecoder().decode(masterKey));
        try (Connection db = database();
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

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + DB_PORT + "/binhyen", "postgres", "");
    }

    static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void cleanUp() throws Exception {
        stopPostgres();
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }

    /** Whatever happened, leave no PostgreSQL running on the test's data directory. */
    void stopPostgres() throws Exception {
        Path pid = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            return;
        }
        var line = Files.readAllLines(pid).stream().findFirst().orElse("").strip();
        if (line.matches("[0-9]+")) {
            var handle = ProcessHandle.of(Long.parseLong(line));
            if (handle.isPresent()
                    && handle.get()
                            .info()
                            .command()
                            .map(c -> c.contains("postgres"))
                            .orElse(false)) {
                handle.get().destroy();
                handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
