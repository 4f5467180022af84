package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.internal.RegisterQuery;
import vn.binhyen.reports.internal.RegisterQuery.ClockFilter;
import vn.binhyen.reports.internal.RegisterQuery.Filter;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.RegisterFixtures;

/**
 * The overdue count on every inbox page, the register's clock filters and its "overdue first" order read each kind of
 * clock from its own index instead of computing every line's next deadline; they must still agree with that deadline
 * (the earliest running clock), which the register shows on each line.
 */
@SpringBootTest
class OverdueCountTests {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TipIntake intake;

    @Autowired
    RegisterQuery register;

    private final Instant now = Instant.now();

    @Test
    void everyKindOfClockPastItsDeadlineIsCountedAndNothingElse() {
        var commune = Fixtures.commune(jdbc);
        // Overdue, one per kind of clock.
        docket(commune.code(), "AWAITING_TRANSFER", false, "transfer_due_at", now.minus(HOUR));
        docket(commune.code(), "UNDER_RESOLUTION", false, "resolution_due_at", now.minus(HOUR));
        docket(commune.code(), "UNCLASSIFIED", true, "immediate_report_due_at", now.minus(HOUR));
        procuracyNotice(docket(commune.code(), "CLASSIFIED", false, null, null), now.minus(HOUR), false);
        // Not overdue: a clock still running, a clock of another state, a report already made, a notice given.
        docket(commune.code(), "AWAITING_TRANSFER", false, "transfer_due_at", now.plus(HOUR));
        docket(commune.code(), "UNDER_RESOLUTION", false, "transfer_due_at", now.minus(HOUR));
        long reported = docket(commune.code(), "UNCLASSIFIED", true, "immediate_report_due_at", now.minus(HOUR));
        jdbc.sql("UPDATE reports.dockets SET immediately_reported_at = ? WHERE tip_id = ?")
                .params(Timestamp.from(now.minus(Duration.ofHours(2))), reported)
                .update();
        docket(commune.code(), "CLASSIFIED", true, "immediate_report_due_at", now.minus(HOUR));
        procuracyNotice(docket(commune.code(), "CLASSIFIED", false, null, null), now.minus(HOUR), true);
        procuracyNotice(docket(commune.code(), "CLASSIFIED", false, null, null), now.plus(HOUR), false);
        docket(commune.code(), "UNCLASSIFIED", false, null, null);
        // Overdue, but another commune's.
        var other = Fixtures.commune(jdbc);
        docket(other.code(), "AWAITING_TRANSFER", false, "transfer_due_at", now.minus(HOUR));

        var chief = new AccessScope(
                commune.chief(), OfficerRole.COMMUNE_CHIEF, commune.code(), commune.provinceCode(), Set.of());
        var overdueInRegister = register.find(
                        chief, new Filter(null, null, ClockFilter.OVERDUE, null, null, null, null, 0))
                .lines();

        assertThat(register.overdueCount(chief)).isEqualTo(4).isEqualTo(overdueInRegister.size());
        assertThat(overdueInRegister)
                .allSatisfy(line -> assertThat(line.nextDueAt()).isBefore(now));

        // The whole register: the four overdue lines first, then the others; each part newest first.
        var lines = register.find(chief, Filter.all()).lines();
        assertThat(lines).hasSize(11);
        assertThat(lines.subList(0, 4))
                .allSatisfy(line -> assertThat(line.nextDueAt()).isBefore(now));
        assertThat(lines.subList(4, 11))
                .allSatisfy(line -> assertThat(line.nextDueAt())
                        .satisfiesAnyOf(
                                due -> assertThat(due).isNull(),
                                due -> assertThat(due).isAfter(now)));
        assertThat(lines.subList(0, 4)).isSortedAccordingTo((a, b) -> Integer.compare(b.number(), a.number()));
        assertThat(lines.subList(4, 11)).isSortedAccordingTo((a, b) -> Integer.compare(b.number(), a.number()));

        // Clocks running and not yet past: the transfer and the notice due in an hour, both inside the warning.
        assertThat(clock(chief, ClockFilter.RUNNING))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line.nextDueAt()).isAfter(now));
        assertThat(clock(chief, ClockFilter.DUE_SOON)).hasSize(2);
        assertThat(clock(chief, ClockFilter.NONE))
                .hasSize(5)
                .allSatisfy(line -> assertThat(line.nextDueAt()).isNull());
    }

    /**
     * Each unit reads only its own clocks (V8: the docket carries the commune and province, and the earliest notice
     * still owed to the Procuracy, kept by a trigger); every scope's count must still equal the count by definition:
     * tips in scope whose earliest running clock, the notices read from the docket's events, is past.
     */
    @Test
    void everyScopeCountsExactlyItsOwnOverdueDocketsAsTheDeadlinesDefineThem() {
        var commune = Fixtures.commune(jdbc);
        var neighbour = Fixtures.commune(jdbc);
        for (var unit : java.util.List.of(commune, neighbour)) {
            docket(unit.code(), "AWAITING_TRANSFER", false, "transfer_due_at", now.minus(HOUR));
            docket(unit.code(), "UNDER_RESOLUTION", true, "immediate_report_due_at", now.minus(HOUR));
            procuracyNotice(docket(unit.code(), "CLASSIFIED", false, null, null), now.minus(HOUR), false);
        }
        // In officer A's village: overdue for the notice, then told; overdue for resolution; not yet due.
        long told = inVillage(docket(commune.code(), "CLASSIFIED", false, null, null), commune.villageA());
        procuracyNotice(told, now.minus(HOUR), false);
        long owed = inVillage(docket(commune.code(), "CLASSIFIED", false, null, null), commune.villageA());
        procuracyNotice(owed, now.minus(HOUR), false);
        procuracyNotice(owed, now.plus(HOUR), false);
        inVillage(
                docket(commune.code(), "UNDER_RESOLUTION", false, "resolution_due_at", now.minus(HOUR)),
                commune.villageA());
        inVillage(
                docket(commune.code(), "AWAITING_TRANSFER", false, "transfer_due_at", now.plus(HOUR)),
                commune.villageA());
        long decision = jdbc.sql("SELECT max(id) FROM reports.docket_events WHERE tip_id = ?")
                .param(told)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO reports.docket_events (tip_id, type, refers_to, recorded_at)
                        VALUES (?, 'PROCURACY_NOTIFIED', ?, now())
                        """).params(told, decision).update();

        var chief = new AccessScope(
                commune.chief(), OfficerRole.COMMUNE_CHIEF, commune.code(), commune.provinceCode(), Set.of());
        var province = new AccessScope(0, OfficerRole.PROVINCE_COMMAND, "PA", commune.provinceCode(), Set.of());
        var officerA = new AccessScope(
                commune.officerA(),
                OfficerRole.AREA_OFFICER,
                commune.code(),
                commune.provinceCode(),
                Set.of(commune.villageA()));

        assertThat(register.overdueCount(chief))
                .isEqualTo(byDefinition("t.commune_code = ?", commune.code()))
                .isEqualTo(5);
        assertThat(register.overdueCount(officerA))
                .isEqualTo(byDefinition("t.village_id = ?", commune.villageA()))
                .isEqualTo(2);
        assertThat(register.overdueCount(province))
                .isEqualTo(byDefinition("t.province_code = ?", commune.provinceCode()));
        assertThat(clock(officerA, ClockFilter.OVERDUE)).hasSize(2);
        assertThat(clock(officerA, ClockFilter.RUNNING)).hasSize(1);
    }

    @Test
    void aDocketBelongsToItsTipsUnitByConstraint() {
        var commune = Fixtures.commune(jdbc);
        var other = Fixtures.commune(jdbc);
        long tip = docket(commune.code(), "AWAITING_TRANSFER", false, "transfer_due_at", now.minus(HOUR));
        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE reports.dockets SET commune_code = ?, province_code = ? WHERE tip_id = ?")
                        .params(other.code(), other.provinceCode(), tip)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private long inVillage(long tip, long village) {
        jdbc.sql("UPDATE reports.tips SET village_id = ? WHERE id = ?")
                .params(village, tip)
                .update();
        return tip;
    }

    /** The overdue tips matching the condition, by the definition of the next deadline, notices read from events. */
    private long byDefinition(String condition, Object value) {
        return jdbc.sql("""
                        SELECT count(*) FROM reports.tips t JOIN reports.dockets d ON d.tip_id = t.id
                         WHERE %s AND LEAST(
                           CASE d.state WHEN 'AWAITING_TRANSFER' THEN d.transfer_due_at
                                        WHEN 'UNDER_RESOLUTION' THEN d.resolution_due_at END,
                           CASE WHEN d.urgent AND d.immediately_reported_at IS NULL
                                     AND d.state IN ('UNCLASSIFIED', 'AWAITING_TRANSFER', 'UNDER_RESOLUTION')
                                THEN d.immediate_report_due_at END,
                           (SELECT min(ev.procuracy_due_at) FROM reports.docket_events ev
                             WHERE ev.tip_id = d.tip_id AND ev.procuracy_due_at IS NOT NULL
                               AND NOT EXISTS (SELECT 1 FROM reports.docket_events n
                                                WHERE n.refers_to = ev.id AND n.type = 'PROCURACY_NOTIFIED'))) <= ?
                        """.formatted(condition))
                .params(value, Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    private java.util.List<RegisterQuery.Line> clock(AccessScope scope, ClockFilter clock) {
        return register.find(scope, new Filter(null, null, clock, null, null, null, null, 0))
                .lines();
    }

    /** A registered tip whose docket is put in the given state, with one clock set. */
    private long docket(String commune, String state, boolean urgent, String clock, Instant due) {
        long tip = RegisterFixtures.tip(jdbc, intake, commune, null, true);
        jdbc.sql("UPDATE reports.dockets SET state = ?, urgent = ? WHERE tip_id = ?")
                .params(state, urgent, tip)
                .update();
        if (clock != null) {
            jdbc.sql("UPDATE reports.dockets SET " + clock + " = ? WHERE tip_id = ?")
                    .params(Timestamp.from(due), tip)
                    .update();
        }
        return tip;
    }

    /** A decision the Procuracy must be told of by {@code due}, told or not yet. */
    private void procuracyNotice(long tip, Instant due, boolean notified) {
        long decision =
                jdbc.sql("""
                        INSERT INTO reports.docket_events (tip_id, type, procuracy_due_at, recorded_at)
                        VALUES (?, 'NOT_INITIATED', ?, now()) RETURNING id
                        """).params(tip, Timestamp.from(due)).query(Long.class).single();
        if (notified) {
            jdbc.sql("""
                            INSERT INTO reports.docket_events (tip_id, type, refers_to, recorded_at)
                            VALUES (?, 'PROCURACY_NOTIFIED', ?, now())
                            """).params(tip, decision).update();
        }
    }
}
