package vn.binhyen.incidents;

/**
 * A channel reports how the Zalo message of an urgent alert to one officer fared: {@code QUEUED}, {@code SENT} or
 * {@code FAILED}. The alert list shows it beside the alert.
 */
public record AlertZaloStateChanged(long incidentId, long officerId, String state) {}
