package vn.binhyen.reports.internal;

/** The deadlines a docket can run against. */
public enum ClockKind {
    IMMEDIATE_REPORT,
    TRANSFER,
    RESOLUTION,
    EXTENSION_REQUEST,
    PROCURACY_NOTICE;

    public String labelKey() {
        return "register.clock." + name();
    }
}
