package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.internal.ClockKind;
import vn.binhyen.reports.internal.ClockWatch;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.MovableClock;
import vn.binhyen.support.RegisterFixtures;

/**
 * The clock moves and the timers react: the real db-scheduler task, polling every second here, warns the assigned
 * officer before the transfer deadline, alerts the chief when it passes and the province command a day later.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"binhyen.scheduler.polling-interval=PT1S", "binhyen.reports.rules.watch-interval=PT1S"})
@AutoConfigureMockMvc
class DeadlineTests {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TipIntake intake;

    @Autowired
    Register register;

    @Autowired
    ClockWatch watch;

    @Autowired
    Directory directory;

    @Autowired
    MockMvcTester mvc;

    private List<String> alerts(long tip) {
        return jdbc.sql(
                        "SELECT level || ':' || recipient_role || ':' || coalesce(officer_id, 0) FROM reports.clock_alerts"
                                + " WHERE tip_id = ? AND clock = 'TRANSFER' ORDER BY id")
                .param(tip)
                .query(String.class)
                .list();
    }

    @Test
    void warningsBeforeTheDeadlineThenTheChiefThenTheProvince() {
        var commune = Fixtures.commune(jdbc);
        long province = RegisterFixtures.provinceCommand(jdbc, commune.provinceCode());
        long tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
        jdbc.sql("UPDATE reports.tips SET assigned_officer_id = ? WHERE id = ?")
                .params(commune.officerA(), tip)
                .update();
        var officerA = new Actor(RegisterFixtures.scope(directory, commune.officerA()), commune.officerALogin());
        register.classify(officerA, tip, ReportKind.CRIME_REPORT, null);
        assertThat(jdbc.sql("SELECT count(*) FROM shared.scheduled_tasks WHERE task_name = 'legal-clock-watch'")
                        .query(Long.class)
                        .single())
                .as("the timer lives in the database, so it survives restarts and runs on one node at a time")
                .isEqualTo(1);

        clock.advance(Duration.ofHours(17));
        watch.sweep();
        assertThat(alerts(tip)).isEmpty();

        clock.advance(Duration.ofHours(2)); // 19 h: inside the 6-hour warning
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(alerts(tip)).containsExactly("WARNING:AREA_OFFICER:" + commune.officerA()));

        clock.advance(Duration.ofHours(6)); // 25 h: the 24-hour transfer deadline has passed
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(alerts(tip)).contains("OVERDUE:COMMUNE_CHIEF:" + commune.chief()));
        var chief = user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()));
        assertThat(mvc.get().uri("/console/register").with(chief))
                .hasStatusOk()
                .bodyText()
                .contains("1 nguồn tin đã quá hạn")
                .contains("QUÁ HẠN");
        assertThat(mvc.get().uri("/console").with(chief)).bodyText().contains("1 nguồn tin đã quá hạn");

        clock.advance(Duration.ofHours(24)); // a day later still not transferred
        // Other tests add province command officers to the same province: the escalation goes to one of them.
        List<String> provinceCommand =
                jdbc.sql("""
                        SELECT 'ESCALATED:PROVINCE_COMMAND:' || o.id FROM directory.officers o
                          JOIN directory.police_units u ON u.id = o.police_unit_id
                         WHERE o.role = 'PROVINCE_COMMAND' AND u.unit_code = ?
                        """).param(commune.provinceCode()).query(String.class).list();
        assertThat(provinceCommand).contains("ESCALATED:PROVINCE_COMMAND:" + province);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(alerts(tip)).containsAnyElementsOf(provinceCommand));

        assertThat(watch.sweep()).as("a second pass raises nothing twice").isZero();
        assertThat(alerts(tip)).hasSize(3);
        var provinceUser = user(RegisterFixtures.signedIn(directory, province));
        assertThat(mvc.get().uri("/console/register").with(provinceUser))
                .bodyText()
                .contains("Quá hạn, đã báo cáo công an tỉnh");

        var chiefActor = new Actor(RegisterFixtures.scope(directory, commune.chief()), commune.chiefLogin());
        register.transfer(chiefActor, tip, "Cơ quan CSĐT Công an tỉnh", null, null);
        clock.advance(Duration.ofDays(3));
        assertThat(watch.sweep()).isZero();
    }

    @Test
    void everyNoticeOwedToTheProcuracyIsAlertedAndAClockFullyAlertedIsNotReadAgain() {
        var commune = Fixtures.commune(jdbc);
        RegisterFixtures.provinceCommand(jdbc, commune.provinceCode());
        long tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
        var officerA = new Actor(RegisterFixtures.scope(directory, commune.officerA()), commune.officerALogin());
        var chief = new Actor(RegisterFixtures.scope(directory, commune.chief()), commune.chiefLogin());
        register.classify(officerA, tip, ReportKind.DENUNCIATION, null);
        register.startResolution(chief, tip);
        register.suspend(chief, tip, "Chờ kết quả giám định", null);
        clock.advance(Duration.ofDays(1));
        // The suspension's notice is still owed when the resumption asks for its own: the docket keeps only the
        // earlier deadline, and the watch must still see both.
        register.resume(chief, tip, "Đã có kết quả giám định", null);
        // Both notices past their deadline by more than a day (24 h and 3 days), the new resolution deadline a month
        // away: only the notices' clocks have alerts to raise.
        clock.advance(Duration.ofDays(5));

        List<Instant> notices = watch.awaitingAlert(clock.instant()).stream()
                .filter(c -> c.tipId() == tip && c.kind() == ClockKind.PROCURACY_NOTICE)
                .map(ClockWatch.RunningClock::dueAt)
                .toList();
        assertThat(notices).as("both notices are owed").hasSize(2).doesNotHaveDuplicates();
        watch.sweep();
        assertThat(jdbc.sql(
                                "SELECT due_at, level FROM reports.clock_alerts WHERE tip_id = ? AND clock = 'PROCURACY_NOTICE'")
                        .param(tip)
                        .query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getString(2))
                        .list())
                .containsExactlyInAnyOrder(notices.stream()
                        .flatMap(due -> java.util.stream.Stream.of(" WARNING", " OVERDUE", " ESCALATED")
                                .map(level -> due + level))
                        .toArray(String[]::new));

        assertThat(watch.awaitingAlert(clock.instant()))
                .as("every level raised: the clocks stay overdue but the watch no longer reads them")
                .noneMatch(c -> c.tipId() == tip);
        assertThat(register.details(chief.scope(), tip).procuracyOutstanding()).hasSize(2);
        clock.advance(Duration.ofDays(1));
        assertThat(watch.sweep())
                .as("a minute or a day later: nothing new to raise")
                .isZero();
    }

    @Test
    void twoNodesSweepingAtOnceRaiseEachAlertOnce() throws Exception {
        var commune = Fixtures.commune(jdbc);
        RegisterFixtures.provinceCommand(jdbc, commune.provinceCode());
        var officerA = new Actor(RegisterFixtures.scope(directory, commune.officerA()), commune.officerALogin());
        List<Long> tips = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
            register.classify(officerA, tip, ReportKind.CRIME_REPORT, null);
            tips.add(tip);
        }
        clock.advance(Duration.ofDays(3)); // every transfer clock: warned, overdue and escalated at once

        // Two nodes whose scheduler locks failed them: both sweep the same clocks at the same moment.
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var nodes = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = nodes.submit(() -> {
                start.await();
                return watch.sweep();
            });
            var b = nodes.submit(() -> {
                start.await();
                return watch.sweep();
            });
            start.countDown();
            a.get();
            b.get();
        }
        for (long tip : tips) {
            assertThat(alerts(tip))
                    .extracting(alert -> alert.substring(0, alert.indexOf(':')))
                    .containsExactlyInAnyOrder("WARNING", "OVERDUE", "ESCALATED");
        }
    }
}
