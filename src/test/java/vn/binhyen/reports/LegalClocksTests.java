package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import vn.binhyen.reports.internal.ClockView;
import vn.binhyen.reports.internal.LegalClocks;
import vn.binhyen.reports.internal.RegisterRules;
import vn.binhyen.shared.VietnamTime;

/**
 * The arithmetic of the legal clocks over any instant between 2020 and 2040, any server time zone, extensions,
 * suspensions and resumptions. Deadlines are counted on the Vietnamese calendar.
 */
class LegalClocksTests {

    private final LegalClocks clocks = new LegalClocks(RegisterRules.defaults());

    @Provide
    Arbitrary<Instant> instants() {
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2040-12-31T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(
                "UTC",
                "Asia/Ho_Chi_Minh",
                "America/Los_Angeles",
                "Pacific/Kiritimati",
                "Europe/Berlin",
                "Asia/Kolkata");
    }

    private static boolean midnightInVietnam(Instant instant) {
        return ZonedDateTime.ofInstant(instant, VietnamTime.ZONE).toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static LocalDate vn(Instant instant) {
        return LocalDate.ofInstant(instant, VietnamTime.ZONE);
    }

    @Property
    void transferIsTwentyFourHoursOrFortyEightForRemoteCommunes(@ForAll("instants") Instant received) {
        assertThat(Duration.between(received, clocks.transferDue(received, false)))
                .isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(received, clocks.transferDue(received, true)))
                .isEqualTo(Duration.ofHours(48));
    }

    @Property
    void resolutionEndsAtMidnightOfTheTwentiethDayInVietnam(@ForAll("instants") Instant received) {
        Instant due = clocks.resolutionDue(received);
        assertThat(midnightInVietnam(due)).isTrue();
        assertThat(vn(due.minusNanos(1))).isEqualTo(vn(received).plusDays(20));
        assertThat(due).isAfter(received.plus(Duration.ofDays(20)));
        assertThat(due).isBeforeOrEqualTo(received.plus(Duration.ofDays(21)));
    }

    @Property
    void theServerTimeZoneChangesNothing(@ForAll("instants") Instant received, @ForAll("zones") String zone) {
        TimeZone before = TimeZone.getDefault();
        Instant inVietnam = clocks.resolutionDue(received);
        Instant months = clocks.firstExtensionLimit(received);
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
            assertThat(clocks.resolutionDue(received)).isEqualTo(inVietnam);
            assertThat(clocks.firstExtensionLimit(received)).isEqualTo(months);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Property
    void theFirstExtensionReachesTwoMonthsFromReceiptNeverLess(@ForAll("instants") Instant received) {
        Instant resolution = clocks.resolutionDue(received);
        Instant limit = clocks.firstExtensionLimit(received);
        assertThat(limit).isAfter(resolution);
        assertThat(midnightInVietnam(limit)).isTrue();
        LocalDate last = vn(limit.minusNanos(1));
        LocalDate start = vn(received);
        // Same day two months later, or the month's last day when it has no such day.
        assertThat(last).isEqualTo(start.plusMonths(2));
        assertThat(last.getDayOfMonth()).isLessThanOrEqualTo(start.getDayOfMonth());
    }

    @Property
    void theProcuracyExtendsByAtMostTwoMoreMonths(@ForAll("instants") Instant received) {
        Instant first = clocks.firstExtensionLimit(received);
        Instant second = clocks.procuracyExtensionLimit(first);
        assertThat(second).isAfter(first);
        assertThat(Duration.between(first, second)).isBetween(Duration.ofDays(59), Duration.ofDays(62));
        assertThat(midnightInVietnam(second)).isTrue();
    }

    @Property
    void theExtensionRequestIsDueFiveDaysBeforeTheDeadline(@ForAll("instants") Instant received) {
        Instant due = clocks.resolutionDue(received);
        assertThat(Duration.between(clocks.extensionRequestDue(due), due)).isEqualTo(Duration.ofDays(5));
    }

    @Property
    void anExtensionMustMoveTheDeadlineLaterAndStayWithinTheLimit(
            @ForAll("instants") Instant received, @ForAll @IntRange(min = -30, max = 90) int daysAfterDue) {
        Instant due = clocks.resolutionDue(received);
        Instant limit = clocks.firstExtensionLimit(received);
        Instant requested = clocks.endOfDay(vn(due.minusNanos(1)).plusDays(daysAfterDue));
        Instant result = clocks.extendedDue(due, requested, limit);
        if (!requested.isAfter(due) || requested.isAfter(limit)) {
            assertThat(result).isNull();
        } else {
            assertThat(result).isEqualTo(requested);
        }
        assertThat(clocks.extendedDue(due, null, limit)).isEqualTo(limit);
    }

    @Property
    void afterAResumptionOneMonthIsLeft(@ForAll("instants") Instant resumedAt) {
        Instant due = clocks.resumedDue(resumedAt);
        assertThat(midnightInVietnam(due)).isTrue();
        assertThat(Duration.between(resumedAt, due)).isBetween(Duration.ofDays(28), Duration.ofDays(32));
        assertThat(vn(due.minusNanos(1))).isEqualTo(vn(resumedAt).plusMonths(1));
    }

    @Property
    void aClockIsOverdueExactlyFromItsDeadline(
            @ForAll("instants") Instant due, @ForAll @IntRange(min = -100_000, max = 100_000) int secondsFromDue) {
        Instant now = due.plusSeconds(secondsFromDue);
        var view = ClockView.of(
                        new vn.binhyen.reports.internal.RegisterStore.DocketRow(
                                1,
                                ReportKind.CRIME_REPORT,
                                null,
                                DocketState.AWAITING_TRANSFER,
                                false,
                                false,
                                due.minus(Duration.ofHours(24)),
                                due,
                                null,
                                0,
                                null,
                                null,
                                null,
                                null,
                                0),
                        java.util.List.of(),
                        false,
                        clocks,
                        now)
                .getFirst();
        assertThat(view.overdue()).isEqualTo(secondsFromDue >= 0);
        assertThat(view.status() == ClockView.Status.DUE_SOON)
                .isEqualTo(secondsFromDue < 0 && secondsFromDue >= -6 * 3600);
    }

    @Example
    void aReportLateInTheEveningCountsFromItsVietnameseDay() {
        // 23:30 on 1 March in Vietnam is still 1 March there, though it is 16:30 UTC.
        Instant received = Instant.parse("2026-03-01T16:30:00Z");
        assertThat(clocks.resolutionDue(received)).isEqualTo(Instant.parse("2026-03-21T17:00:00Z"));
        // 00:30 on 2 March in Vietnam is 1 March in UTC, but the clock counts from 2 March.
        Instant afterMidnight = Instant.parse("2026-03-01T17:30:00Z");
        assertThat(clocks.resolutionDue(afterMidnight)).isEqualTo(Instant.parse("2026-03-22T17:00:00Z"));
    }

    @Example
    void theThirtyFirstOfDecemberPlusTwoMonthsEndsOnTheLastDayOfFebruary() {
        Instant received =
                ZonedDateTime.of(2027, 12, 31, 9, 0, 0, 0, VietnamTime.ZONE).toInstant();
        assertThat(vn(clocks.firstExtensionLimit(received).minusNanos(1))).isEqualTo(LocalDate.of(2028, 2, 29));
        Instant notLeap =
                ZonedDateTime.of(2026, 12, 31, 9, 0, 0, 0, VietnamTime.ZONE).toInstant();
        assertThat(vn(clocks.firstExtensionLimit(notLeap).minusNanos(1))).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Example
    void exactHoursWhenWholeDaysAreSwitchedOff() {
        var d = RegisterRules.defaults();
        var exact = new LegalClocks(new RegisterRules(
                d.transferLimit(),
                d.remoteTransferLimit(),
                d.immediateReportLimit(),
                d.resolutionDays(),
                d.extendedMonths(),
                d.procuracyExtensionMonths(),
                d.extensionRequestDays(),
                d.resumedMonths(),
                d.procuracyNoticeLimit(),
                d.resumptionNoticeLimit(),
                false,
                d.transferWarning(),
                d.resolutionWarning(),
                d.provinceEscalation(),
                d.watchInterval(),
                d.dayOfRestMoves()));
        Instant received = Instant.parse("2026-05-10T03:15:00Z");
        assertThat(exact.resolutionDue(received)).isEqualTo(received.plus(Duration.ofDays(20)));
    }

    /** A calendar for the properties: weekends plus a few fixed holidays, among them a long Tết. */
    private static final java.util.Set<LocalDate> HOLIDAYS = java.util.Set.of(
            LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 2, 17),
            LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19),
            LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 9, 2));

    private static final LegalClocks.WorkingDays CALENDAR =
            day -> LegalClocks.WorkingDays.WEEKDAYS.isWorkingDay(day) && !HOLIDAYS.contains(day);

    private final LegalClocks withCalendar = new LegalClocks(RegisterRules.defaults(), CALENDAR);

    @Property
    void aDayLimitEndingOnADayOfRestEndsOnTheNextWorkingDayAndNoLater(@ForAll("instants") Instant received) {
        LocalDate plain = vn(clocks.resolutionDue(received).minusNanos(1));
        Instant due = withCalendar.resolutionDue(received);
        LocalDate last = vn(due.minusNanos(1));
        assertThat(midnightInVietnam(due)).isTrue();
        assertThat(CALENDAR.isWorkingDay(last)).isTrue();
        assertThat(last).isAfterOrEqualTo(plain);
        for (LocalDate d = plain; d.isBefore(last); d = d.plusDays(1)) {
            assertThat(CALENDAR.isWorkingDay(d)).as("%s skipped", d).isFalse();
        }
    }

    @Property
    void monthLimitsMoveTooButHourLimitsNever(@ForAll("instants") Instant received) {
        assertThat(CALENDAR.isWorkingDay(
                        vn(withCalendar.firstExtensionLimit(received).minusNanos(1))))
                .isTrue();
        assertThat(CALENDAR.isWorkingDay(vn(withCalendar.resumedDue(received).minusNanos(1))))
                .isTrue();
        assertThat(withCalendar.transferDue(received, false)).isEqualTo(clocks.transferDue(received, false));
        assertThat(withCalendar.procuracyNoticeDue(received)).isEqualTo(clocks.procuracyNoticeDue(received));
    }

    @Example
    void twentyDaysFromTheEveOfTetEndAfterTet() {
        // Received Tuesday 27 January 2026; the 20th day is Monday 16 February, the eve of Tết: Tết runs to Friday
        // 20 February, then a weekend, so the limit ends at 24:00 on Monday 23 February.
        Instant received =
                ZonedDateTime.of(2026, 1, 27, 9, 0, 0, 0, VietnamTime.ZONE).toInstant();
        assertThat(vn(withCalendar.resolutionDue(received).minusNanos(1))).isEqualTo(LocalDate.of(2026, 2, 23));
        var off = RegisterRules.defaults();
        var ruleOff = new LegalClocks(
                new RegisterRules(
                        off.transferLimit(),
                        off.remoteTransferLimit(),
                        off.immediateReportLimit(),
                        off.resolutionDays(),
                        off.extendedMonths(),
                        off.procuracyExtensionMonths(),
                        off.extensionRequestDays(),
                        off.resumedMonths(),
                        off.procuracyNoticeLimit(),
                        off.resumptionNoticeLimit(),
                        off.wholeDays(),
                        off.transferWarning(),
                        off.resolutionWarning(),
                        off.provinceEscalation(),
                        off.watchInterval(),
                        false),
                CALENDAR);
        assertThat(vn(ruleOff.resolutionDue(received).minusNanos(1))).isEqualTo(LocalDate.of(2026, 2, 16));
    }
}
