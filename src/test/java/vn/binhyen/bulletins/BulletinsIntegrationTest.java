package vn.binhyen.bulletins;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.SimulatorIntegrationTest;
import vn.binhyen.zalo.ConnectionStatus;
import vn.binhyen.zalo.ZaloAccounts;
import vn.binhyen.zalo.ZaloAudience;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;
import vn.binhyen.zalosim.internal.SimZalo;

/**
 * The application with the Zalo simulator, on the same settings as the Zalo tests (so they share one context). Each
 * test makes its own commune with its own connected page and followers.
 */
@SimulatorIntegrationTest
abstract class BulletinsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Bulletins bulletins;

    @Autowired
    SimZalo simZalo;

    @Autowired
    SimWorld world;

    @Autowired
    ZaloAccounts zaloAccounts;

    @Autowired
    ZaloAudience audience;

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    /** A test commune with a third village and a connected Zalo page. */
    record Place(TestCommune commune, long villageC, SimOa oa) {}

    Place place() {
        TestCommune commune = Fixtures.commune(jdbc);
        long villageC = jdbc.sql("INSERT INTO directory.villages (commune_code, name, kind) VALUES (?, 'Thôn C',"
                        + " 'VILLAGE') RETURNING id")
                .param(commune.code())
                .query(Long.class)
                .single();
        SimOa oa = simZalo.openAndBind(commune.code(), "Công an xã thử " + commune.code());
        if (zaloAccounts.account(oa.oaId()).orElseThrow().status() != ConnectionStatus.CONNECTED) {
            simZalo.connect(oa.oaId());
        }
        return new Place(commune, villageC, oa);
    }

    /**
     * Residents who follow the page and wrote to it just now (as Zalo's follow event leaves them), placed in a village.
     */
    List<String> followers(Place place, long villageId, int count) {
        List<String> users = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String user = world.newUser("Cư dân " + villageId + "-" + i).userId();
            world.setFollowing(place.oa().oaId(), user, true);
            world.interacted(place.oa().oaId(), user, now);
            jdbc.sql("""
                            INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, last_interaction_at)
                            VALUES (?, ?, TRUE, ?, ?)
                            """)
                    .params(place.oa().oaId(), user, Timestamp.from(now), Timestamp.from(now))
                    .update();
            audience.placeByTag(place.oa().oaId(), user, villageId);
            users.add(user);
        }
        return users;
    }

    /**
     * A province command officer with a sign-in. The command sits at the province unit in real data; for scope only
     * the role and province matter, so it is put at the test's commune unit.
     */
    SignedInOfficer provinceCommand(Place place) {
        long command =
                jdbc.sql("""
                        INSERT INTO directory.officers (police_unit_id, full_name, role)
                        VALUES ((SELECT id FROM directory.police_units WHERE unit_code = ?), 'Chỉ huy tỉnh',
                                'PROVINCE_COMMAND') RETURNING id
                        """).param(place.commune().code()).query(Long.class).single();
        jdbc.sql("INSERT INTO accounts.officer_logins (username, officer_id, password_hash) VALUES (?, ?, 'x')")
                .params("cmd" + place.commune().code(), command)
                .update();
        return Fixtures.signedIn(directory, "cmd" + place.commune().code(), command);
    }

    SignedInOfficer chief(Place place) {
        return Fixtures.signedIn(
                directory, place.commune().chiefLogin(), place.commune().chief());
    }

    SignedInOfficer officerA(Place place) {
        return Fixtures.signedIn(
                directory, place.commune().officerALogin(), place.commune().officerA());
    }

    SignedInOfficer officerB(Place place) {
        return Fixtures.signedIn(
                directory, place.commune().officerBLogin(), place.commune().officerB());
    }

    SignedInOfficer staff(Place place) {
        return Fixtures.signedIn(
                directory, "staff" + place.commune().code(), place.commune().staff());
    }

    static BulletinDraft draft(BulletinKind kind, String title, Audience audience) {
        return new BulletinDraft(
                kind,
                title,
                "Kẻ gian gọi điện giả danh công an, yêu cầu chuyển tiền. **Không chuyển tiền.**\n\n- Gác máy\n- Báo công an xã",
                audience,
                null,
                null);
    }

    static Audience villages(long... ids) {
        Set<Long> set = new java.util.HashSet<>();
        for (long id : ids) {
            set.add(id);
        }
        return Audience.villages(set);
    }

    int messagesOnPhone(Place place, String user, String text) {
        return (int) world.conversation(place.oa().oaId(), user).stream()
                .filter(m -> m.fromOa && m.text.contains(text))
                .count();
    }
}
