package vn.binhyen.reports;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the legal handling of a report stands (its docket). The allowed moves are written out here, next to the
 * tip's own {@link TipStatus}: received → classified; a crime source awaits transfer (24 h, 48 h for remote communes)
 * or is resolved by the unit (20 days, extended, suspended, resumed) until a decision closes it.
 */
public enum DocketState {
    UNCLASSIFIED,
    /** Not a crime source: handled in the tip workflow, no legal clock. */
    CLASSIFIED,
    NOT_ACTIONABLE,
    AWAITING_TRANSFER,
    TRANSFERRED,
    UNDER_RESOLUTION,
    SUSPENDED,
    INITIATED,
    NOT_INITIATED;

    public static final Set<DocketState> CLOSED = EnumSet.of(TRANSFERRED, INITIATED, NOT_INITIATED);

    public boolean isClosed() {
        return CLOSED.contains(this) || this == NOT_ACTIONABLE;
    }

    /** A report may be (re)classified until a decision has closed it; reclassification is recorded. */
    public boolean canClassify() {
        return !CLOSED.contains(this) && this != SUSPENDED;
    }

    public boolean canTransfer() {
        return this == AWAITING_TRANSFER || this == UNDER_RESOLUTION;
    }

    public boolean canStartResolution() {
        return this == AWAITING_TRANSFER;
    }

    public boolean canDecide() {
        return this == UNDER_RESOLUTION;
    }

    public boolean canExtend() {
        return this == UNDER_RESOLUTION;
    }

    public boolean canSuspend() {
        return this == UNDER_RESOLUTION;
    }

    public boolean canResume() {
        return this == SUSPENDED;
    }

    /** The state a classification leads to. */
    public static DocketState afterClassification(ReportKind kind, DocketState current) {
        if (kind == ReportKind.NOT_ACTIONABLE) {
            return NOT_ACTIONABLE;
        }
        if (!kind.isCrimeSource()) {
            return CLASSIFIED;
        }
        return current == UNDER_RESOLUTION ? UNDER_RESOLUTION : AWAITING_TRANSFER;
    }

    public String labelKey() {
        return "register.state." + name();
    }
}
