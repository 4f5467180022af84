package vn.binhyen.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A period cut into whole months and days covers each of its days exactly once, whatever the period: the dashboards'
 * sums over months and days are then exactly the sums over its days.
 */
class SpansTests {

    private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    @Property(tries = 2000)
    void thePiecesCoverEachDayOfThePeriodExactlyOnce(
            @ForAll @IntRange(min = 0, max = 900) int start,
            @ForAll @IntRange(min = 0, max = 800) int length,
            @ForAll boolean monthly) {
        LocalDate from = BASE.plusDays(start);
        LocalDate to = from.plusDays(length);
        Spans spans = Spans.of(from, to, monthly);

        List<LocalDate> covered = new ArrayList<>();
        for (LocalDate[] days : spans.days()) {
            for (LocalDate d = days[0]; !d.isAfter(days[1]); d = d.plusDays(1)) {
                covered.add(d);
            }
        }
        if (spans.months() != null) {
            assertThat(spans.months()[0].getDayOfMonth()).isEqualTo(1);
            assertThat(spans.months()[1].getDayOfMonth()).isEqualTo(1);
            for (LocalDate m = spans.months()[0]; !m.isAfter(spans.months()[1]); m = m.plusMonths(1)) {
                for (LocalDate d = m; d.getMonth() == m.getMonth(); d = d.plusDays(1)) {
                    covered.add(d);
                }
            }
        }
        covered.sort(null);
        List<LocalDate> expected = from.datesUntil(to.plusDays(1)).toList();
        assertThat(covered).isEqualTo(expected);
        if (!monthly) {
            assertThat(spans.months()).isNull();
        }
        // At most two runs of days: a year reads about 12 monthly rows and 60 daily rows per measure, not 365.
        assertThat(spans.days()).hasSizeLessThanOrEqualTo(2);
        for (LocalDate[] days : spans.days()) {
            assertThat(days[0].datesUntil(days[1].plusDays(1)).count()).isLessThanOrEqualTo(monthly ? 62 : 801);
        }
    }

    @Example
    void aYearEndingMidMonthIsElevenMonthsAndThirtyDays() {
        Spans spans = Spans.of(LocalDate.of(2025, 11, 30), LocalDate.of(2026, 11, 29), true);
        assertThat(spans.months()).containsExactly(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 10, 1));
        assertThat(spans.days())
                .extracting(d -> d[0] + ".." + d[1])
                .containsExactly("2025-11-30..2025-11-30", "2026-11-01..2026-11-29");
    }
}
