package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.InboundMessage;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.directory.Directory;
import vn.binhyen.incidents.internal.UnitWatchSetup;
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

    @Autowired
    UnitWatchSetup setup;

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
    void theAreaOfficerReadsOnlyTheSignalsTheyMayReadOnTheirOwnPages() {
        // An anonymous tip with no village and a message from a thread in the commune queue, both naming Thôn A: they
        // join the incident in village A, but neither the tip's page nor the thread is the area officer's.
        Signals signals = new Signals(jdbc, conversations, tips);
        String queuedTip = signals.tip(
                commune, null, TipCategory.ILLEGAL_RACING, "Tối nay lại đua xe ở Thôn A, gọi tôi số 0905111222");
        resident(null, "Bọn đua xe tụ tập ở Thôn A, anh Hùng Dũng cầm đầu");
        resident(commune.villageA(), "Đua xe ở Thôn A ồn quá các chú ơi");
        // Village A's own Zalo group, placed there by the unit, though the inbox does not know its village.
        String group = "92" + commune.code() + "000000001";
        signals.group(commune, group, "Cảm ơn cả nhà");
        Signals.eventually().until(() -> signals.signalCount(commune) == 6);
        setup.placeGroup(commune.code(), group, commune.villageA());
        signals.group(commune, group, "Tối nay lại đua xe ở Thôn A");
        Signals.eventually()
                .until(() -> jdbc.sql("SELECT count(*) FROM incidents.signals WHERE incident_id = ?")
                                .param(incidentInA)
                                .query(Integer.class)
                                .single()
                        == 5);
        long queuedTipId = jdbc.sql("SELECT id FROM reports.tips WHERE code = ?")
                .param(queuedTip)
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/console/tips/" + queuedTipId).with(user(officerA())))
                .hasStatus(404);

        assertThat(mvc.get().uri("/console/incidents/" + incidentInA).with(user(officerA())))
                .hasStatusOk()
                .bodyText()
                .contains(
                        tipCode,
                        "Đua xe ở Thôn A ồn quá các chú ơi",
                        "Tối nay lại đua xe ở Thôn A",
                        "2 tín hiệu ngoài địa bàn của đồng chí")
                .doesNotContain(queuedTip, "0905111222", "Bọn đua xe tụ tập", "Hùng Dũng");

        // Nor can the area officer move a signal they cannot read out into an incident of its own.
        long queuedSignal = jdbc.sql("SELECT id FROM incidents.signals WHERE incident_id = ? AND source_key = ?")
                .params(incidentInA, "tip:" + queuedTipId)
                .query(Long.class)
                .single();
        assertThat(mvc.post()
                        .uri("/console/incidents/{id}/split", incidentInA)
                        .param("signal", String.valueOf(queuedSignal))
                        .with(user(officerA()))
                        .with(csrf()))
                .hasStatus4xxClientError();
        assertThat(jdbc.sql("SELECT incident_id FROM incidents.signals WHERE id = ?")
                        .param(queuedSignal)
                        .query(Long.class)
                        .single())
                .isEqualTo(incidentInA);

        var chief = Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
        assertThat(mvc.get().uri("/console/incidents/" + incidentInA).with(user(chief)))
                .hasStatusOk()
                .bodyText()
                .contains(tipCode, queuedTip, "0905111222", "Bọn đua xe tụ tập", "Hùng Dũng")
                .doesNotContain("ngoài địa bàn của đồng chí");
    }

    /** A resident's own Zalo thread, in a village (assigned to its area officer) or not (the commune queue). */
    void resident(Long village, String text) {
        conversations.recordInbound(new InboundMessage(
                ConversationChannel.ZALO,
                ThreadKind.RESIDENT,
                "oa" + commune.code(),
                "u" + Math.abs(text.hashCode()),
                commune.provinceCode(),
                commune.code(),
                "m" + Math.abs(text.hashCode()),
                MessageKind.TEXT,
                text,
                null,
                null,
                null,
                null,
                Instant.now(),
                village));
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
