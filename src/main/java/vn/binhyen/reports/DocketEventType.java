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
    /** The chief forwarded the protection request to the investigation body that decides on measures (Art. 485). */
    PROTECTION_FORWARDED,
    ENTRY_CORRECTED,
    /** The written request to the Procuracy for its extension was sent (due at least 5 days before the deadline). */
    EXTENSION_REQUESTED,
    /** The chief decided the current deadline needs no extension: the extension-request clock stops for it. */
    EXTENSION_NOT_NEEDED,
    /** What the Zalo channel did with a notice to the reporter (queued, sent, delivered, seen, failed, no page …). */
    NOTICE_ON_ZALO;

    /** Decisions the Procuracy must receive within the notice limit. */
    public static final Set<DocketEventType> NOTIFY_PROCURACY =
            EnumSet.of(INITIATED, NOT_INITIATED, SUSPENDED, RESUMED);

    /** Results the reporter is told of, unless they chose anonymity. */
    public static final Set<DocketEventType> TELL_REPORTER =
            EnumSet.of(TRANSFERRED, INITIATED, NOT_INITIATED, SUSPENDED, PROTECTION_FORWARDED);

    /** Either settles the extension-request clock of the deadline the event names in its {@code dueBefore}. */
    public static final Set<DocketEventType> SETTLE_EXTENSION_REQUEST =
            EnumSet.of(EXTENSION_REQUESTED, EXTENSION_NOT_NEEDED);

    public String labelKey() {
        return "register.event." + name();
    }
}
