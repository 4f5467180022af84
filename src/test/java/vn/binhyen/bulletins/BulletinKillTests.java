package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhyen.support.ChildNode.count;
import static vn.binhyen.support.ChildNode.execute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.support.ChildNode;
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

    @Autowired
    SimAuthority authority;

    final ChildNode node = new ChildNode("bulletin-kill-test");

    @AfterEach
    void stop() throws Exception {
        node.stop();
    }

    @Test
    void aKilledDeliveryResumesAndEveryFollowerGetsTheBulletinExactlyOnce() throws Exception {
        node.cleanUp();
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

        Process first = start(1);
        long bulletin;
        try (Connection db = node.database()) {
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

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection watch = node.database()) {
            // Killed at a moment when some message is on a phone but its sending is not yet recorded: between two
            // batches there is none, and the kill would not test what it is for.
            while (onPhones(oa, users) < FOLLOWERS * 2 / 5 || inTheAir(watch, oa) == 0) {
                assertThat(System.nanoTime()).as("delivery under way in time").isLessThan(deadline);
                assertThat(first.isAlive()).isTrue();
                Thread.sleep(1);
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, nothing.
        }
        first.waitFor();
        int atKill = onPhones(oa, users);
        assertThat(atKill).isLessThan(FOLLOWERS);

        // The killed process's PostgreSQL is still running: what was in the air at the kill?
        int inTheAir;
        try (Connection db = node.database()) {
            inTheAir = inTheAir(db, oa);
        }
        assertThat(inTheAir)
                .as("messages on phones whose sending was never recorded (a plain retry would send them twice)")
                .isPositive();

        start(2);
        assertThat(node.log(2)).contains("Stopping an orphaned embedded PostgreSQL");
        try (Connection db = node.database()) {
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
        SecretBox box = new SecretBox(Base64.getDecoder().decode(node.masterKey()));
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

    /** The node sends to this test's Zalo simulator over HTTP, so the phones outlive the killed process. */
    Process start(int run) throws Exception {
        return node.start(
                run,
                Duration.ofSeconds(180),
                "--binhyen.zalo.api-base-url=http://localhost:" + port + "/sim/zalo/openapi",
                "--binhyen.zalo.oauth-base-url=http://localhost:" + port + "/sim/zalo/oauth",
                "--binhyen.zalo.delivery-poll-interval=PT0.05S",
                "--binhyen.zalo.promotional-quiet-hours=",
                "--binhyen.bulletins.quiet-hours=",
                "--binhyen.bulletins.poll-interval=PT0.1S",
                "--binhyen.bulletins.page-size=200");
    }

    /** Messages on a phone whose sending the node has marked but not yet recorded. */
    private int inTheAir(Connection db, SimOa oa) throws java.sql.SQLException {
        int inTheAir = 0;
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
        return inTheAir;
    }
}
