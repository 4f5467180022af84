package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.directory.Directory;
import vn.binhyen.incidents.internal.UnitWatchSetup;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * A commune places only its own Zalo groups (those that wrote through its own page) in its villages: another commune
 * can neither take a group over by its (guessable) ref nor send its signals and alerts to a village of its own.
 */
@IntegrationTest
class GroupPlaceAuthorizationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Conversations conversations;

    @Autowired
    TipIntake tips;

    @Autowired
    UnitWatchSetup setup;

    TestCommune commune;
    TestCommune other;
    Signals signals;
    String group;

    @BeforeEach
    void communes() {
        commune = Fixtures.commune(jdbc);
        other = Fixtures.commune(jdbc);
        signals = new Signals(jdbc, conversations, tips);
        group = "91" + commune.code() + "000000001";
    }

    /** The group writes through the commune's own page, as the Zalo adapter hands its messages in. */
    void heardFrom(String groupRef, String text) {
        int before = signals.signalCount(commune);
        signals.group(commune, groupRef, text);
        Signals.eventually().until(() -> signals.signalCount(commune) == before + 1);
    }

    SignedInOfficer chief(TestCommune unit) {
        return Fixtures.signedIn(directory, unit.chiefLogin(), unit.chief());
    }

    @Test
    void theCommuneThatHeardFromTheGroupPlacesIt() {
        heardFrom(group, "Chiều nay họp thôn bàn việc làm đường");
        assertThat(place(chief(commune), group, commune.villageA())).hasStatus3xxRedirection();
        assertThat(placeOf(group)).isEqualTo(Map.of("commune", commune.code(), "village", commune.villageA()));
        assertThat(mvc.get().uri("/console/incidents/setup").with(user(chief(commune))))
                .hasStatusOk()
                .bodyText()
                .contains(group);
    }

    @Test
    void anotherCommuneCannotTakeTheGroupOverNorPlaceAGroupItNeverHeardFrom() {
        heardFrom(group, "Chiều nay họp thôn bàn việc làm đường");
        assertThat(place(chief(commune), group, commune.villageA())).hasStatus3xxRedirection();

        assertThat(place(chief(other), group, other.villageA()))
                .hasStatus(422)
                .bodyText()
                .contains("Nhóm Zalo này không thuộc đơn vị");
        assertThat(placeOf(group))
                .as("the commune's group stays in its own village")
                .isEqualTo(Map.of("commune", commune.code(), "village", commune.villageA()));
        assertThat(mvc.get().uri("/console/incidents/setup").with(user(chief(other))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(group);

        // A ref nobody placed yet (refs are guessable, e.g. the demo's "demo" + commune code) is refused all the same.
        String unplaced = "91" + commune.code() + "000000002";
        heardFrom(unplaced, "Tối nay ai trực cổng làng?");
        assertThat(place(chief(other), unplaced, other.villageA())).hasStatus(422);
        assertThat(place(chief(other), "demo" + commune.code(), other.villageA()))
                .hasStatus(422);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents.group_places WHERE commune_code = ?")
                        .param(other.code())
                        .query(Integer.class)
                        .single())
                .isZero();

        // Seeding goes through the same statement: it never moves a group another commune placed.
        assertThatThrownBy(() -> setup.placeGroup(other.code(), group, other.villageA()))
                .isInstanceOf(IncidentActionException.class);
        assertThat(placeOf(group).get("village")).isEqualTo(commune.villageA());
    }

    @Test
    void aGroupPlaceInAnotherCommunesVillageIsNotUsed() {
        // As another unit could leave it before placing was checked: the commune's group, in the other's village.
        // Written before the commune's first signal, so no cached copy of the commune's places hides it.
        String moved = "91" + commune.code() + "000000003";
        jdbc.sql("INSERT INTO incidents.group_places (group_ref, commune_code, village_id) VALUES (?, ?, ?)")
                .params(moved, commune.code(), other.villageA())
                .update();

        heardFrom(moved, "Có nhóm thanh niên mang hung khí đánh nhau hỗn chiến ngoài bãi");

        assertThat(jdbc.sql("SELECT coalesce(village_id, 0) || ' ' || place_basis FROM incidents.signals"
                                + " WHERE source_key = ?")
                        .param("group:" + moved)
                        .query(String.class)
                        .single())
                .isEqualTo("0 COMMUNE");
        assertThat(jdbc.sql("SELECT count(*) FROM incidents.incidents WHERE village_id = ?")
                        .param(other.villageA())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    org.springframework.test.web.servlet.assertj.MvcTestResult place(
            SignedInOfficer officer, String groupRef, long villageId) {
        return mvc.post()
                .uri("/console/incidents/setup/groups")
                .param("groupRef", groupRef)
                .param("villageId", String.valueOf(villageId))
                .with(user(officer))
                .with(csrf())
                .exchange();
    }

    Map<String, Object> placeOf(String groupRef) {
        return jdbc.sql("SELECT commune_code, village_id FROM incidents.group_places WHERE group_ref = ?")
                .param(groupRef)
                .query((rs, n) -> Map.<String, Object>of("commune", rs.getString(1), "village", rs.getLong(2)))
                .single();
    }
}
