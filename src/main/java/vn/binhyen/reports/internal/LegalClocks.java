package vn.binhyen.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import vn.binhyen.shared.VietnamTime;

/**
 * The arithmetic of the register's clocks, with no database and no "now": every method takes the instants it needs.
 * Day and month limits are counted on the Vietnamese calendar (Asia/Ho_Chi_Minh) whatever the server's zone; a month
 * limit that lands on a day the month lacks ends on the month's last day (31 January + 1 month = end of 28/29 February).
 */
public final class LegalClocks {

    /** Which days are working days; the register asks the holiday calendar. */
    @FunctionalInterface
    public interface WorkingDays {
        /** Every day counts as a working day: no limit ever moves. */
        WorkingDays EVERY_DAY = day -> true;

        /** Saturdays and Sundays are days of rest; no holidays. */
        WorkingDays WEEKDAYS = day -> day.getDayOfWeek().getValue() <= 5;

        boolean isWorkingDay(LocalDate day);
    }

    private final RegisterRules rules;
    private final WorkingDays workingDays;

    /** The arithmetic without a calendar: a limit never moves for a day of rest. */
    public LegalClocks(RegisterRules rules) {
        this(rules, WorkingDays.EVERY_DAY);
    }

    public LegalClocks(RegisterRules rules, WorkingDays workingDays) {
        this.rules = rules;
        this.workingDays = rules.dayOfRestMoves() ? workingDays : WorkingDays.EVERY_DAY;
    }

    public RegisterRules rules() {
        return rules;
    }

    /** When a commune must have transferred a crime report: 24 h from receipt, 48 h for a remote or island commune. */
    public Instant transferDue(Instant receivedAt, boolean remoteCommune) {
        return receivedAt.plus(remoteCommune ? rules.remoteTransferLimit() : rules.transferLimit());
    }

    /** An urgent report is reported to the investigation body at once; flagged after this. */
    public Instant immediateReportDue(Instant receivedAt) {
        return receivedAt.plus(rules.immediateReportLimit());
    }

    /** 20 days from receipt. */
    public Instant resolutionDue(Instant receivedAt) {
        return plusDays(receivedAt, rules.resolutionDays());
    }

    /** The latest deadline the first extension may set: 2 months from receipt. */
    public Instant firstExtensionLimit(Instant receivedAt) {
        return plusMonths(receivedAt, rules.extendedMonths());
    }

    /** The latest deadline the Procuracy's extension may set: 2 more months beyond the current deadline. */
    public Instant procuracyExtensionLimit(Instant currentDue) {
        // currentDue is an end-of-day instant (24:00 = next day's 00:00): count months from the day it closes.
        return plusMonths(currentDue.minusNanos(1), rules.procuracyExtensionMonths());
    }

    /** The extension request must reach the decider at least 5 days before the deadline. */
    public Instant extensionRequestDue(Instant currentDue) {
        return currentDue.minus(java.time.Duration.ofDays(rules.extensionRequestDays()));
    }

    /** After a resumption (or an annulled suspension): 1 month from that decision. */
    public Instant resumedDue(Instant resumedAt) {
        return plusMonths(resumedAt, rules.resumedMonths());
    }

    /** Decisions go to the Procuracy within 24 hours. */
    public Instant procuracyNoticeDue(Instant decidedAt) {
        return decidedAt.plus(rules.procuracyNoticeLimit());
    }

    /**
     * The deadline an extension sets: the requested one when it is later than the current deadline and within the
     * limit, else null (the request is refused).
     */
    public @Nullable Instant extendedDue(Instant currentDue, @Nullable Instant requested, Instant limit) {
        Instant wanted = requested == null ? limit : requested;
        if (!wanted.isAfter(currentDue) || wanted.isAfter(limit)) {
            return null;
        }
        return wanted;
    }

    /** The end of a day the officer picks on the form, as the deadline instant. */
    public Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    Instant plusDays(Instant from, int days) {
        if (!rules.wholeDays()) {
            return from.plus(java.time.Duration.ofDays(days));
        }
        return endOfDay(workingDayFrom(localDate(from).plusDays(days)));
    }

    Instant plusMonths(Instant from, int months) {
        if (!rules.wholeDays()) {
            return ZonedDateTime.ofInstant(from, VietnamTime.ZONE)
                    .plusMonths(months)
                    .toInstant();
        }
        return endOfDay(workingDayFrom(localDate(from).plusMonths(months)));
    }

    /**
     * A day or month limit whose last day is a day of rest (Saturday, Sunday, a public holiday) ends on the next
     * working day (CPC Art. 133, {@code day-of-rest-moves}). A year holds far fewer than 60 days of rest in a row.
     */
    LocalDate workingDayFrom(LocalDate last) {
        LocalDate day = last;
        for (int i = 0; i < 60 && !workingDays.isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, VietnamTime.ZONE);
    }
}
