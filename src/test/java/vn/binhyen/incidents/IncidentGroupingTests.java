package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.incidents.internal.IncidentConsole;
import vn.binhyen.incidents.internal.NewSignal;
import vn.binhyen.incidents.internal.SignalIntake;
import vn.binhyen.incidents.internal.UnitWatchSetup;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * Scripted scenarios through the real modules: group messages through conversations, tips through the register. What
 * the officer would see: which signals end up in one incident, and why.
 */
@IntegrationTest
class IncidentGroupingTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Conversations conversations;

    @Autowired
    TipIntake tips;

    @Autowired
    UnitWatchSetup setup;

    @Autowired
    IncidentConsole console;

    @Autowired
    SignalIntake intake;

    private static final java.util.concurrent.atomic.AtomicInteger LANDMARK_SHIFT =
            new java.util.concurrent.atomic.AtomicInteger();

    TestCommune commune;
    Signals signals;

    @BeforeEach
    void commune() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
        commune = Fixtures.commune(jdbc);
        signals = new Signals(jdbc, conversations, tips);
        // Incidents near each other link across communes (by design), and every test's commune has the same
        // landmarks: each test moves them half a degree (55 km) further north than the test before.
        double away = 0.5 * LANDMARK_SHIFT.incrementAndGet();
        setup.addLandmark(commune.code(), "đường Ama Khê", commune.villageA(), 12.6821 + away, 108.0512);
        setup.addLandmark(commune.code(), "hồ Krông Búk Hạ", commune.villageB(), 12.9012 + away, 108.2391);
    }

    AccessScope chief() {
        return new AccessScope(
                commune.chief(), OfficerRole.COMMUNE_CHIEF, commune.code(), commune.provinceCode(), java.util.Set.of());
    }

    @Test
    void aSignalDeliveredTwiceIsRecordedOnceWhetherItCouldOpenAnIncidentOrNot() {
        setup.placeGroup(commune.code(), "9100000000000000009", commune.villageA());
        NewSignal race = groupSignal("race-1", "Tối nay anh em tụ tập đua xe ở đường Ama Khê");
        NewSignal chatter = groupSignal("chatter-1", "Ở đường Ama Khê tối nay đông lắm anh em ơi");

        Long first = intake.ingest(race);
        assertThat(intake.ingest(race))
                .as("the copy of a signal with watch terms")
                .isNull();
        intake.ingest(chatter);
        assertThat(intake.ingest(chatter)).as("the copy of chatter").isNull();

        assertThat(first).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM incidents.signals WHERE commune_code = ? AND source_ref IN (?, ?)")
                        .params(commune.code(), "race-1", "chatter-1")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents.incidents WHERE commune_code = ?")
                        .param(commune.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private NewSignal groupSignal(String ref, String text) {
        return new NewSignal(
                NewSignal.SignalSource.GROUP,
                ref,
                "group:9100000000000000009",
                commune.provinceCode(),
                commune.code(),
                null,
                null,
                null,
                "9100000000000000009",
                null,
                text,
                false,
                null,
                java.time.Instant.now(),
                null);
    }

    @Test
    void aFightPlannedAcrossThreeGroupMessagesAndATipIsOneIncidentThatSaysWhy() {
        setup.placeGroup(commune.code(), "9100000000000000001", commune.villageA());
        signals.group(
                commune, "9100000000000000001", "Tối nay 21h anh em ra đường Ama Khê xử bọn Tân Lập, nhớ mang mã tấu");
        signals.group(commune, "9100000000000000001", "Đông vào, hỗn chiến luôn, thằng Tuấn cầm đầu bên kia");
        signals.group(
                commune, "9100000000000000001", "Mang theo hung khí, 20h45 tập trung ở quán nước đầu đường Ama Khê");
        signals.tip(
                commune,
                commune.villageA(),
                TipCategory.FIGHT_OR_DISORDER,
                "Nghe nói tối nay có nhóm thanh niên hẹn đánh nhau ở đường Ama Khê, có mang dao");

        Signals.eventually().until(() -> signals.signalCount(commune) == 4);
        List<Long> incidents = signals.incidentsOfSignals(commune);
        assertThat(incidents).doesNotContainNull();
        assertThat(new HashSet<>(incidents)).hasSize(1);

        var details = console.details(chief(), incidents.getFirst());
        assertThat(details.incident().signalCount()).isEqualTo(4);
        assertThat(details.incident().sourceCount()).isEqualTo(2);
        assertThat(details.incident().categories()).contains("FIGHT", "WEAPON");
        assertThat(details.incident().villageId()).isEqualTo(commune.villageA());
        // Signals are processed concurrently: whichever came first opened the incident, each other one says why
        // it joined.
        var reasons = details.signals().stream().map(s -> s.reason()).toList();
        assertThat(reasons).filteredOn(r -> r.startsWith("Mở sự vụ mới")).hasSize(1);
        assertThat(reasons)
                .filteredOn(r -> !r.startsWith("Mở sự vụ mới"))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r).contains("cùng").contains("phút"));
        assertThat(details.tips()).hasSize(1);
        assertThat(details.people()).contains("Tuấn");
        assertThat(details.places()).contains("đường Ama Khê");
        assertThat(details.incident().eventAt()).isNotNull();
        assertThat(details.incident().alertedAt())
                .as("four weighty signals from two sources")
                .isNotNull();
        assertThat(signals.alertedOfficers(details.incident().id())).startsWith(commune.officerA());
    }

    @Test
    void twoUnrelatedEventsInTheSameVillageStayApart() {
        setup.placeGroup(commune.code(), "9100000000000000002", commune.villageA());
        signals.group(
                commune,
                "9100000000000000002",
                "Bà con cảnh giác: có người giả danh công an gọi điện bắt chuyển khoản, lừa đảo mấy nhà rồi");
        signals.tip(
                commune,
                commune.villageA(),
                TipCategory.ILLEGAL_RACING,
                "Thanh niên tụ tập đua xe, bốc đầu trên đường liên thôn mỗi tối");

        Signals.eventually().until(() -> signals.signalCount(commune) == 2);
        List<Long> incidents = signals.incidentsOfSignals(commune);
        assertThat(incidents).doesNotContainNull();
        assertThat(new HashSet<>(incidents)).hasSize(2);
    }

    @Test
    void theSameEventWithoutDiacriticsIsGroupedWithTheOneWithThem() {
        signals.group(commune, "9100000000000000003", "toi nay 9h tu tap dua xe o ho krong buk ha nhe ae");
        signals.group(commune, "9100000000000000003", "boc dau cho bon no xem, mang theo 20 xe ra ho Krong Buk Ha");
        signals.tip(
                commune,
                null,
                TipCategory.ILLEGAL_RACING,
                "Tối nay có nhóm thanh niên rủ nhau đua xe ở hồ Krông Búk Hạ, rất đông");

        Signals.eventually().until(() -> signals.signalCount(commune) == 3);
        List<Long> incidents = signals.incidentsOfSignals(commune);
        assertThat(incidents).doesNotContainNull();
        assertThat(new HashSet<>(incidents)).hasSize(1);
        var details = console.details(chief(), incidents.getFirst());
        assertThat(details.incident().villageId()).as("the landmark's village").isEqualTo(commune.villageB());
        assertThat(details.signals()).allSatisfy(s -> assertThat(s.placeName()).isEqualTo("hồ Krông Búk Hạ"));
    }

    @Test
    void chatterJoinsAnIncidentOnlyFromTheSamePlace() {
        setup.placeGroup(commune.code(), "9100000000000000005", commune.villageA());
        setup.placeGroup(commune.code(), "9100000000000000006", commune.villageB());
        signals.group(commune, "9100000000000000005", "Tối nay 22h anh em tụ tập đua xe ở ngã ba, bốc đầu cho vui");
        Signals.eventually().until(() -> signals.signalCount(commune) == 1);
        long incident = signals.openIncidents(commune).getFirst();

        // No watch term in either: the same words join the incident from its own group, not from another village's.
        signals.group(commune, "9100000000000000006", "tối nay 22h anh em ra ngã ba nhé");
        signals.group(commune, "9100000000000000005", "tối nay 22h anh em ra ngã ba nhé");

        Signals.eventually().until(() -> signals.signalCount(commune) == 3);
        assertThat(signals.incidentsOfSignals(commune))
                .as("in arrival order: the first message, the other village's chatter, the same group's")
                .containsExactly(incident, null, incident);
    }

    @Test
    void chatterWithoutWatchTermsIsKeptButOpensNoIncident() {
        signals.group(commune, "9100000000000000004", "Chiều nay họp tổ dân phố lúc 5 giờ, mọi người nhớ đến đúng giờ");
        Signals.eventually().until(() -> signals.signalCount(commune) == 1);
        assertThat(signals.incidentsOfSignals(commune)).containsOnlyNulls();
        assertThat(signals.openIncidents(commune)).isEmpty();
    }

    @Test
    void anOfficerMergesTwoIncidentsAndSplitsOneSignalOutAgain() {
        signals.group(commune, "9100000000000000005", "Có vụ lừa đảo chuyển khoản ở thôn A");
        signals.tip(commune, commune.villageB(), TipCategory.DRUGS, "Có người bán ma túy gần trường học thôn B");
        Signals.eventually().until(() -> signals.openIncidents(commune).size() == 2);
        List<Long> open = signals.openIncidents(commune);

        console.merge(chief(), open.get(0), open.get(1));
        assertThat(signals.openIncidents(commune)).containsExactly(open.get(0));
        var merged = console.details(chief(), open.get(0));
        assertThat(merged.signals()).hasSize(2);
        assertThat(merged.signals()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("Cán bộ gộp hoặc tách thủ công"));

        long created = console.split(
                chief(), open.get(0), List.of(merged.signals().get(1).id()));
        assertThat(signals.openIncidents(commune)).containsExactly(open.get(0), created);
        assertThat(console.details(chief(), created).signals()).hasSize(1);
        assertThat(console.details(chief(), open.get(0)).actions())
                .extracting(a -> a.kind())
                .containsExactly("MERGED", "SPLIT");
    }

    @Test
    void aLandmarkAtNoNumberIsRefused() {
        assertThatThrownBy(() -> setup.addLandmark(commune.code(), "chợ Mới", null, Double.NaN, 108.05))
                .isInstanceOf(IncidentActionException.class);
        assertThatThrownBy(() -> setup.addLandmark(commune.code(), "chợ Mới", null, 12.7, Double.POSITIVE_INFINITY))
                .isInstanceOf(IncidentActionException.class);
    }
}
