package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.zalosim.internal.SimAuthority;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * A bulletin's delivery survives a SIGKILL: the application runs as a separate process (its own embedded PostgreSQL
 * on a data directory under target/) and sends to this test's Zalo simulator over HTTP, so the phones outlive the
 * process. The bulletin goes to 1,500 followers; when about 40% of them have it the process is killed with SIGKILL,
 * then restarted on the same data. Afterwards every follower has the bulletin exactly once on their phone, every
 * delivery row is SENT, and nothing is left in doubt. The test also checks that the kill did land while messages were
 * in the air (rows marked as sending, not recorded as sent, and already on a phone): exactly the messages a plain
 * retry would have sent twice.
 */
class BulletinKillTests extends BulletinsIntegrationTest {

    static final int FOLLOWERS = 1500;
    static final String TITLE = "Cảnh báo lừa đảo qua điện thoại (thử tắt máy)";
    static final int HTTP_PORT = freePort();
    static final int DB_PORT = freePort();

    @Autowired
    SimAuthority authority;

    final Path work = Path.of("target", "bulletin-kill-test");
    final Path data = work.resolve("pg");
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String masterKey;
    Process app;

    BulletinKillTests() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aKilledDeliveryResumesAndEveryFollowerGetsTheBulletinExactlyOnce() throws Exception {
        cleanUp();
        SimOa oa = world.openOa("24094", "Công an xã thử tắt máy");
        List<String> users = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < FOLLOWERS; i++) {
            String user = world.newUser("Cư dân tắt máy " + i).userId();
            world.setFollowing(oa.oaId(), user, true);
            world.interacted(oa.oaId(), user, now);
            users.add(user);
        }
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var tokens = authority
                .exchange(authority.approve(oa.oaId(), challenge), verifier)
                .tokens();
        assertThat(tokens).isNotNull();

        app = start(1);
        long bulletin;
        try (Connection db = database()) {
            bindOa(db, oa, tokens.accessToken(), tokens.refreshToken());
            try (var insert = db.prepareStatement("""
                    INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, last_interaction_at)
                    SELECT ?, u, TRUE, now(), now() FROM unnest(?::VARCHAR[]) AS u
                    """)) {
                insert.setString(1, oa.oaId());
                insert.setArray(2, db.createArrayOf("varchar", users.toArray()));
                insert.executeUpdate();
            }
            bulletin = publish(db, oa.oaId());
        }

        Process first = app;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (onPhones(oa, users) < FOLLOWERS * 2 / 5) {
            assertThat(System.nanoTime()).as("delivery under way in time").isLessThan(deadline);
            assertThat(first.isAlive()).isTrue();
            Thread.sleep(5);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, nothing.
        first.waitFor();
        int atKill = onPhones(oa, users);
        assertThat(atKill).isLessThan(FOLLOWERS);

        // The killed process's PostgreSQL is still running: what was in the air at the kill?
        int inTheAir;
        try (Connection db = database()) {
            inTheAir = 0;
            try (var statement = db.createStatement();
                    var rs = statement.executeQuery("""
                            SELECT d.recipient_id FROM zalo.deliveries d
                              JOIN zalo.deliveries_in_flight f ON f.delivery_id = d.id
                             WHERE d.status = 'PENDING'
                            """)) {
                while (rs.next()) {
                    if (onPhone(oa, rs.getString(1)) > 0) {
                        inTheAir++;
                    }
                }
            }
        }
        assertThat(inTheAir)
                .as("messages on phones whose sending was never recorded (a plain retry would send them twice)")
                .isPositive();

        app = start(2);
        assertThat(Files.readString(work.resolve("app-2.log"))).contains("Stopping an orphaned embedded PostgreSQL");
        try (Connection db = database()) {
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (count(db, "SELECT count(*) FROM bulletins.fanouts WHERE NOT done") > 0
                    || count(db, "SELECT count(*) FROM zalo.deliveries WHERE status = 'PENDING'") > 0) {
                assertThat(System.nanoTime())
                        .as("delivery finished after the restart")
                        .isLessThan(until);
                Thread.sleep(100);
            }
            assertThat(count(db, "SELECT count(*) FROM zalo.deliveries WHERE bulletin_ref = " + bulletin))
                    .isEqualTo(FOLLOWERS);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM zalo.deliveries WHERE bulletin_ref = " + bulletin
                                    + " AND status = 'SENT'"))
                    .isEqualTo(FOLLOWERS);
            assertThat(count(db, "SELECT count(*) FROM zalo.deliveries_in_flight"))
                    .isZero();
        }
        for (String user : users) {
            assertThat(onPhone(oa, user))
                    .as("bulletins on the phone of follower %s", user)
                    .isEqualTo(1);
        }
    }

    int onPhone(SimOa oa, String user) {
        return (int) world.conversation(oa.oaId(), user).stream()
                .filter(m -> m.fromOa && m.text.contains(TITLE))
                .count();
    }

    int onPhones(SimOa oa, List<String> users) {
        int n = 0;
        for (String user : users) {
            n += onPhone(oa, user);
        }
        return n;
    }

    /** As the publisher leaves a bulletin to a whole commune: published, its Zalo text stored, its fan-out open. */
    long publish(Connection db, String oaId) throws SQLException {
        long id;
        try (var insert = db.prepareStatement("""
                INSERT INTO bulletins.bulletins (kind, title, body, status, province_code, home_commune_code,
                    author_id, author_name, published_at, created_at, updated_at)
                VALUES ('CRIME_METHOD', ?, 'Không chuyển tiền cho người lạ.', 'PUBLISHED', '66', '24094', 1,
                    'Trưởng công an xã', now(), now(), now()) RETURNING id
                """)) {
            insert.setString(1, TITLE);
            try (var rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        execute(db, "INSERT INTO bulletins.audience_communes (bulletin_id, commune_code) VALUES (" + id + ", '24094')");
        try (var text = db.prepareStatement("INSERT INTO zalo.bulletin_texts (bulletin_ref, text) VALUES (?, ?)")) {
            text.setLong(1, id);
            text.setString(2, "CẢNH BÁO THỦ ĐOẠN: " + TITLE + "\n\nKhông chuyển tiền cho người lạ.");
            text.executeUpdate();
        }
        execute(
                db,
                "INSERT INTO bulletins.fanouts (bulletin_id, oa_id, commune_code) VALUES (" + id + ", '" + oaId
                        + "', '24094')");
        return id;
    }

    void bindOa(Connection db, SimOa oa, String access, String refresh) throws SQLException {
        SecretBox box = new SecretBox(Base64.getDecoder().decode(masterKey));
        String aad = "zalo-oa:" + oa.oaId() + ":";
        try (var insert = db.prepareStatement("""
                INSERT INTO zalo.official_accounts (oa_id, app_id, commune_code, province_code, name, app_secret,
                    oa_secret_key, access_token, refresh_token, access_token_expires_at, refresh_token_expires_at,
                    connection_status, connected_at)
                VALUES (?, ?, '24094', '66', ?, ?, ?, ?, ?, ?, ?, 'CONNECTED', now())
                """)) {
            insert.setString(1, oa.oaId());
            insert.setString(2, oa.appId());
            insert.setString(3, oa.name());
            insert.setBytes(4, box.seal("sim-app-secret-do-not-use-in-production", aad + "app_secret"));
            insert.setBytes(5, box.seal(oa.oaSecretKey(), aad + "oa_secret_key"));
            insert.setBytes(6, box.seal(access, aad + "access_token"));
            insert.setBytes(7, box.seal(refresh, aad + "refresh_token"));
            insert.setTimestamp(8, Timestamp.from(Instant.now().plus(Duration.ofHours(24))));
            insert.setTimestamp(9, Timestamp.from(Instant.now().plus(Duration.ofDays(90))));
            insert.executeUpdate();
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
                "--binhyen.zalo.api-base-url=http://localhost:" + port + "/sim/zalo/openapi",
                "--binhyen.zalo.oauth-base-url=http://localhost:" + port + "/sim/zalo/oauth",
                "--binhyen.zalo.delivery-poll-interval=PT0.05S",
                "--binhyen.zalo.promotional-quiet-hours=",
                "--binhyen.bulletins.quiet-hours=",
                "--binhyen.bulletins.poll-interval=PT0.1S",
                "--binhyen.bulletins.page-size=200",
                "--binhyen.crypto.master-key=" + masterKey,
                "--spring.main.banner-mode=off");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + run + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            assertThat(process.isAlive())
                    .as("app run %d alive (see target/bulletin-kill-test/app-%d.log)", run, run)
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

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        stopPostgres();
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + DB_PORT + "/binhyen", "postgres", "");
    }

    static void execute(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
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
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
