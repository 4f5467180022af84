package vn.binhyen.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.binhyen.reports.DocketState;
import vn.binhyen.reports.internal.RegisterStore.DocketRow;
import vn.binhyen.reports.internal.RegisterStore.EventRow;

/** One running deadline of a docket as the console shows it. */
public record ClockView(
        ClockKind kind,
        Instant dueAt,
        Status status,
        Duration left,
        @Nullable Long eventId) {

    public enum Status {
        RUNNING,
        DUE_SOON,
        OVERDUE;

        public String labelKey() {
            return "register.clock.status." + name();
        }
    }

    public boolean overdue() {
        return status == Status.OVERDUE;
    }

    /** The clocks running on a docket now, soonest first. */
    public static List<ClockView> of(
            DocketRow docket,
            List<EventRow> procuracyOutstanding,
            boolean extensionRequestSettled,
            LegalClocks clocks,
            Instant now) {
        RegisterRules rules = clocks.rules();
        List<ClockView> result = new ArrayList<>();
        if (docket.urgent()
                && docket.immediatelyReportedAt() == null
                && docket.immediateReportDueAt() != null
                && !docket.state().isClosed()
                && docket.state() != DocketState.CLASSIFIED) {
            result.add(view(
                    ClockKind.IMMEDIATE_REPORT, docket.immediateReportDueAt(), rules.transferWarning(), now, null));
        }
        if (docket.state() == DocketState.AWAITING_TRANSFER && docket.transferDueAt() != null) {
            result.add(view(ClockKind.TRANSFER, docket.transferDueAt(), rules.transferWarning(), now, null));
        }
        if (docket.state() == DocketState.UNDER_RESOLUTION && docket.resolutionDueAt() != null) {
            result.add(view(ClockKind.RESOLUTION, docket.resolutionDueAt(), rules.resolutionWarning(), now, null));
            if (docket.extensionCount() < 2 && !extensionRequestSettled) {
                result.add(view(
                        ClockKind.EXTENSION_REQUEST,
                        clocks.extensionRequestDue(docket.resolutionDueAt()),
                        rules.resolutionWarning(),
                        now,
                        null));
            }
        }
        for (EventRow decision : procuracyOutstanding) {
            result.add(view(
                    ClockKind.PROCURACY_NOTICE,
                    decision.procuracyDueAt(),
                    rules.transferWarning(),
                    now,
                    decision.id()));
        }
        result.sort(Comparator.comparing(ClockView::dueAt));
        return result;
    }

    static ClockView view(ClockKind kind, Instant due, Duration warning, Instant now, @Nullable Long eventId) {
        Status status = !now.isBefore(due)
                ? Status.OVERDUE
                : !now.isBefore(due.minus(warning)) ? Status.DUE_SOON : Status.RUNNING;
        return new ClockView(kind, due, status, Duration.between(now, due), eventId);
    }
}
