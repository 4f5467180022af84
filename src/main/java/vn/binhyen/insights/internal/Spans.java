package vn.binhyen.insights.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A period cut into what the rollups store: whole calendar months (read from {@code monthly_figures}) and the days
 * before and after them (read from {@code daily_figures}). The pieces cover the period exactly once, so sums over
 * them are the sums over its days.
 *
 * @param days ranges of days, both ends included (none, one or two)
 * @param months the first and the last whole month (their first days), or null when the period holds no whole month
 */
public record Spans(List<LocalDate[]> days, LocalDate @Nullable [] months) {

    /** The pieces of [from, to]; with {@code monthly} false (villages: daily rows only), the days alone. */
    public static Spans of(LocalDate from, LocalDate to, boolean monthly) {
        LocalDate firstWhole =
                from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWholeEnd =
                to.plusDays(1).getDayOfMonth() == 1 ? to : to.withDayOfMonth(1).minusDays(1);
        if (!monthly || firstWhole.isAfter(lastWholeEnd)) {
            return new Spans(List.<LocalDate[]>of(new LocalDate[] {from, to}), null);
        }
        List<LocalDate[]> days = new ArrayList<>();
        if (from.isBefore(firstWhole)) {
            days.add(new LocalDate[] {from, firstWhole.minusDays(1)});
        }
        if (to.isAfter(lastWholeEnd)) {
            days.add(new LocalDate[] {lastWholeEnd.plusDays(1), to});
        }
        return new Spans(days, new LocalDate[] {firstWhole, lastWholeEnd.withDayOfMonth(1)});
    }

    /** Whether a level has monthly rows: provinces and communes do, villages do not. */
    public static boolean monthly(char level) {
        return level == 'P' || level == 'C';
    }
}
