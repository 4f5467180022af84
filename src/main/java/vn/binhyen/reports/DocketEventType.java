package vn.binhyen.reports;

import java.util.EnumSet;
import java.util.Set;

/** What can happen to a docket; each is an appended row with its date and who decided. */
public enum DocketEventType {
    CLASSIFIED,
    RECLASSIFIED,
    IMMEDIATE_REPORT,
    TRANSFERRED,
    RESOLUTION_STARTED,
    EXTENDED,
    EXTENDED_BY_PROCURACY,
    SUSPENDED,
    RESUMED,
    INITIATED,
    NOT_INITIATED,
    PROCURACY_NOTIFIED,
    REPORTER_NOTIFIED,
    PROTECTION_REQUESTED,
    ENTRY_CORRECTED,
    /** What the Zalo channel did with a notice to the reporter (queued, outside Zalo's window, no page). */
    NOTICE_ON_ZALO;

    /** Decisions the Procuracy must receive within the notice limit. */
    public static final Set<DocketEventType> NOTIFY_PROCURACY =
            EnumSet.of(INITIATED, NOT_INITIATED, SUSPENDED, RESUMED);

    /** Results the reporter is told of, unless they chose anonymity. */
    public static final Set<DocketEventType> TELL_REPORTER =
            EnumSet.of(TRANSFERRED, INITIATED, NOT_INITIATED, SUSPENDED);

    public String labelKey() {
        return "register.event." + name();
    }
}
