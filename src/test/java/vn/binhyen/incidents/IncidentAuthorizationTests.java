package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/** An officer sees only incidents in their area, through every URL; bad input is a 4xx with a Vietnamese reason. */
@IntegrationTest
class IncidentAuthorizationTests {

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

    TestCommune commune;
    TestCommune other;
    long incidentInA;
    long incidentInB;
    String tipCode;

    @BeforeEach
    void incidents() {
        commune = Fixtures.commune(jdbc);
        other = Fixtures.commune(jdbc);
        Signals signals = new Signals(jdbc, conversations, tips);
        tipCode = signals.tip(
                commune, commune.villageA(), TipCategory.ILLEGAL_RACING, "Thanh niên tụ tập đua xe ở thôn A");
        signals.tip(commune, commune.villageB(), TipCategory.DRUGS, "Có người bán ma túy ở thôn B");
        Signals.eventually().until(() -> signals.openIncidents(commune).size() == 2);
        incidentInA = jdbc.sql("SELECT id FROM incidents.incidents WHERE village_id = ?")
                .param(commune.villageA())
                .query(Long.class)
                .single();
        incidentInB = jdbc.sql("SELECT id FROM incidents.incidents WHERE village_id = ?")
                .param(commune.villageB())
                .query(Long.class)
                .single();
    }

    SignedInOfficer officerA() {
        return Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA());
    }

    @Test
    void theAreaOfficerSeesTheirVillagesIncidentsOnly() {
        assertThat(mvc.get().uri("/console/incidents").with(user(officerA())))
                .hasStatusOk()
                .bodyText()
                .contains("/console/incidents/" + incidentInA)
                .doesNotContain("/console/incidents/" + incidentInB + "\"");
        assertThat(mvc.get().uri("/console/incidents/" + incidentInA).with(user(officerA())))
                .hasStatusOk()
                .bodyText()
                .contains(tipCode);
        assertThat(mvc.get().uri("/console/incidents/" + incidentInB).with(user(officerA())))
                .hasStatus(404);
    }

    @Test
    void noActionReachesAnIncidentOutsideTheArea() {
        for (String action :
                new String[] {"actions?kind=PATROL_SENT", "close?outcome=PREVENTED&note=x", "merge?other=" + incidentInA
                }) {
            assertThat(mvc.post()
                            .uri("/console/incidents/" + incidentInB + "/" + action)
                            .with(user(officerA()))
                            .with(csrf()))
                    .hasStatus(404);
        }
        var stranger = Fixtures.signedIn(directory, "chief" + other.code(), other.chief());
        assertThat(mvc.get().uri("/console/incidents/" + incidentInA).with(user(stranger)))
                .hasStatus(404);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents.actions WHERE incident_id = ?")
                        .param(incidentInB)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theChiefSeesTheWholeCommuneAndTheSetupWhichAreaOfficersCannotChange() {
        var chief = Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
        assertThat(mvc.get().uri("/console/incidents").with(user(chief)))
                .hasStatusOk()
                .bodyText()
                .contains("/console/incidents/" + incidentInA)
                .contains("/console/incidents/" + incidentInB);
        assertThat(mvc.get().uri("/console/incidents/setup").with(user(chief))).hasStatusOk();
        assertThat(mvc.get().uri("/console/incidents/setup").with(user(officerA())))
                .hasStatus(403)
                .bodyText()
                .contains("Chỉ lãnh đạo và cán bộ công an xã");
    }

    @Test
    void badInputIsRefusedInVietnameseNeverA500() {
        assertThat(mvc.post()
                        .uri("/console/incidents/" + incidentInA + "/actions?kind=NOT_A_KIND")
                        .with(user(officerA()))
                        .with(csrf()))
                .hasStatus(400);
        assertThat(mvc.get().uri("/console/incidents/not-a-number").with(user(officerA())))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/console/incidents/" + incidentInA + "/close?outcome=PREVENTED&note=")
                        .with(user(officerA()))
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Vui lòng ghi diễn giải kết quả");
        var chief = Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
        assertThat(mvc.post()
                        .uri("/console/incidents/setup/settings?threshold=0&windowMinutes=60&radiusMeters=500")
                        .with(user(chief))
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Ngưỡng cảnh báo phải từ 1 đến 100");
    }

    @Test
    void aRequestForWitnessesIsHeldToItsLimitsAndRecordedAsNotSent() {
        String now =
                LocalDateTime.now(VietnamTime.ZONE).withNano(0).withSecond(0).toString();
        String earlier = LocalDateTime.now(VietnamTime.ZONE)
                .minusHours(3)
                .withNano(0)
                .withSecond(0)
                .toString();
        String longAgo = LocalDateTime.now(VietnamTime.ZONE)
                .minusHours(60)
                .withNano(0)
                .withSecond(0)
                .toString();
        String uri = "/console/incidents/" + incidentInA + "/assistance";
        String body = "Ai chứng kiến nhóm thanh niên đua xe trên đường liên thôn tối qua xin báo công an xã";
        // A lawful gathering may not be the target.
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(officerA()))
                        .with(csrf())
                        .param("caseReference", "SV-" + incidentInA)
                        .param("from", earlier)
                        .param("to", now)
                        .param("village", String.valueOf(commune.villageA()))
                        .param("body", "Đề nghị cung cấp danh sách người tham gia lễ hội ở thôn A tối qua")
                        .param("notAGathering", "true"))
                .hasStatus(422)
                .bodyText()
                .contains("tụ họp hợp pháp");
        // The window is at most 48 hours.
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(officerA()))
                        .with(csrf())
                        .param("caseReference", "SV-" + incidentInA)
                        .param("from", longAgo)
                        .param("to", now)
                        .param("village", String.valueOf(commune.villageA()))
                        .param("body", body)
                        .param("notAGathering", "true"))
                .hasStatus(422);
        // Only this commune's villages.
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(officerA()))
                        .with(csrf())
                        .param("caseReference", tipCode)
                        .param("from", earlier)
                        .param("to", now)
                        .param("village", String.valueOf(other.villageA()))
                        .param("body", body)
                        .param("notAGathering", "true"))
                .hasStatus(422);
        // A case reference that is not this incident's.
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(officerA()))
                        .with(csrf())
                        .param("caseReference", "SV-999999")
                        .param("from", earlier)
                        .param("to", now)
                        .param("village", String.valueOf(commune.villageA()))
                        .param("body", body)
                        .param("notAGathering", "true"))
                .hasStatus(422);
        // Within the limits: recorded, not sent.
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(officerA()))
                        .with(csrf())
                        .param("caseReference", tipCode.toLowerCase())
                        .param("from", earlier)
                        .param("to", now)
                        .param("village", String.valueOf(commune.villageA()), String.valueOf(commune.villageB()))
                        .param("body", body)
                        .param("notAGathering", "true"))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("SELECT delivery FROM incidents.assistance_requests WHERE incident_id = ?")
                        .param(incidentInA)
                        .query(String.class)
                        .list())
                .containsExactly("NOT_SENT");
    }
}
