package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.DutyRoster;
import vn.binhyen.directory.NewDutyShift;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.incidents.internal.UnitSettings.Settings;
import vn.binhyen.incidents.internal.UnitWatchSetup;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * An urgent alert goes to the village's area officer and to whoever the duty roster has on duty for that place at that
 * moment; with nobody on duty, to the area officer and the chief as before. Each commune alerts at severity 1, so one
 * tip about a race is enough.
 */
@IntegrationTest
class DutyRosterRoutingTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Conversations conversations;

    @Autowired
    TipIntake tips;

    @Autowired
    DutyRoster roster;

    @Autowired
    UnitWatchSetup setup;

    @Autowired
    Directory directory;

    @Autowired
    MockMvcTester mvc;

    TestCommune alertingCommune() {
        TestCommune commune = Fixtures.commune(jdbc);
        var chief = new AccessScope(
                commune.chief(), OfficerRole.COMMUNE_CHIEF, commune.code(), commune.provinceCode(), Set.of());
        setup.saveSettings(chief, new Settings(true, 1, Duration.ofHours(6), 1500));
        return commune;
    }

    void onDuty(TestCommune commune, long officer, Instant from, Instant to, List<Long> villages) {
        roster.add(commune.code(), new NewDutyShift(officer, from, to, villages), "test", commune.chief());
    }

    /**
     * Raises an alert with a tip about a race in the village and waits until it has gone to exactly these officers, in
     * this order (the alert rows and the incident's owner are written by the signal's worker, not by this thread).
     */
    void alerted(TestCommune commune, long village, Long... officers) {
        Signals signals = new Signals(jdbc, conversations, tips);
        signals.tip(commune, village, TipCategory.ILLEGAL_RACING, "Tối nay thanh niên tụ tập đua xe, bốc đầu ở ngã ba");
        Signals.eventually().untilAsserted(() -> {
            assertThat(signals.openIncidents(commune)).hasSize(1);
            assertThat(signals.alertedOfficers(signals.openIncidents(commune).getFirst()))
                    .containsExactly(officers);
        });
    }

    @Test
    void anOfficerOnDutyFromAnotherVillageIsAlertedWithTheAreaOfficerAndSeesTheBanner() throws Exception {
        TestCommune commune = alertingCommune();
        Instant now = Instant.now();
        onDuty(commune, commune.officerB(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)), List.of());

        // The area officer of village A owns it; B is on duty; the chief is not needed.
        alerted(commune, commune.villageA(), commune.officerA(), commune.officerB());

        long incident =
                new Signals(jdbc, conversations, tips).openIncidents(commune).getFirst();
        var officerB = user(Fixtures.signedIn(directory, commune.officerBLogin(), commune.officerB()));
        assertThat(mvc.get().uri("/console/alerts").with(officerB))
                .hasStatusOk()
                .bodyText()
                .contains("CẢNH BÁO KHẨN")
                .contains("/console/incidents/" + incident);
        assertThat(mvc.get().uri("/console/incidents/" + incident).with(officerB))
                .as("the banner's link opens for the officer on duty, though village A is not theirs")
                .hasStatusOk();
    }

    @Test
    void anOfficerWhoseShiftHasNotBegunOrIsOverIsNotAlertedAndTheChiefStandsIn() {
        TestCommune commune = alertingCommune();
        Instant now = Instant.now();
        onDuty(commune, commune.officerB(), now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(10)), List.of());
        // A shift that ended an hour ago (the roster only takes shifts that end in the future, so it is written here).
        jdbc.sql("""
                        INSERT INTO directory.duty_shifts (commune_code, officer_id, starts_at, ends_at, added_at)
                        VALUES (?, ?, ?, ?, now())
                        """)
                .params(
                        commune.code(),
                        commune.staff(),
                        Timestamp.from(now.minus(Duration.ofHours(9))),
                        Timestamp.from(now.minus(Duration.ofHours(1))))
                .update();

        alerted(commune, commune.villageA(), commune.officerA(), commune.chief());
    }

    @Test
    void aShiftForOtherVillagesDoesNotCoverThisOne() {
        TestCommune commune = alertingCommune();
        Instant now = Instant.now();
        onDuty(
                commune,
                commune.staff(),
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(8)),
                List.of(commune.villageB()));

        alerted(commune, commune.villageA(), commune.officerA(), commune.chief());
    }

    @Test
    void aShiftForThisVillageCoversIt() {
        TestCommune commune = alertingCommune();
        Instant now = Instant.now();
        onDuty(
                commune,
                commune.staff(),
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(8)),
                List.of(commune.villageB()));

        alerted(commune, commune.villageB(), commune.officerB(), commune.staff());
    }

    @Test
    void theAreaOfficerOnDutyIsAlertedOnceAndTwoOverlappingShiftsBothCount() {
        TestCommune commune = alertingCommune();
        Instant now = Instant.now();
        onDuty(commune, commune.officerA(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)), List.of());
        onDuty(commune, commune.officerA(), now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(2)), List.of());
        onDuty(commune, commune.staff(), now.minus(Duration.ofHours(3)), now.plus(Duration.ofHours(1)), List.of());

        alerted(commune, commune.villageA(), commune.officerA(), commune.staff());
    }
}
