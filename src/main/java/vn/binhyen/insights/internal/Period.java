package vn.binhyen.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** A span of whole days (Vietnam time), both ends included. */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period a dashboard shows: three years of days is still a quick read of the rollups. */
    public static final int MAX_DAYS = 3 * 366;

    public Period {
        if (from.isAfter(to)) {
            throw new BadPeriodException();
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS || from.getYear() < 2000 || to.getYear() > 2100) {
            throw new BadPeriodException();
        }
    }

    public static Period of(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The same number of days just before. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** The same dates a year earlier. */
    public Period lastYear() {
        return new Period(from.minusYears(1), to.minusYears(1));
    }

    /** Thrown for a period that is reversed, too long or out of range; shown as a 400 with a Vietnamese sentence. */
    public static class BadPeriodException extends RuntimeException {
        public BadPeriodException() {
            super("Bad period");
        }
    }
}
