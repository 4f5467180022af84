package vn.binhyen.reports;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a tip stands. The allowed moves are written out here, in one place, so the console, the API and the tests
 * agree on them: received → accepted → assigned → in progress → resolved, or transferred, or rejected with a reason.
 */
public enum TipStatus {
    RECEIVED,
    ACCEPTED,
    ASSIGNED,
    IN_PROGRESS,
    RESOLVED,
    TRANSFERRED,
    REJECTED;

    public static final Set<TipStatus> OPEN = EnumSet.of(RECEIVED, ACCEPTED, ASSIGNED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public Set<TipStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACCEPTED, ASSIGNED, TRANSFERRED, REJECTED);
            case ACCEPTED -> EnumSet.of(ASSIGNED, IN_PROGRESS, TRANSFERRED, REJECTED);
            case ASSIGNED -> EnumSet.of(ASSIGNED, IN_PROGRESS, TRANSFERRED, REJECTED);
            case IN_PROGRESS -> EnumSet.of(ASSIGNED, RESOLVED, TRANSFERRED, REJECTED);
            case RESOLVED, TRANSFERRED, REJECTED -> EnumSet.noneOf(TipStatus.class);
        };
    }

    public boolean canMoveTo(TipStatus target) {
        return next().contains(target);
    }

    public String labelKey() {
        return "tip.status." + name();
    }
}
