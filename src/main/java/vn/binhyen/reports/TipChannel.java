package vn.binhyen.reports;

/** How a tip reached the police. Every channel is a legal receiving channel: nothing is dropped. */
public enum TipChannel {
    PORTAL,
    API,
    ZALO,
    ZALO_GROUP,
    WALK_IN,
    PHONE,
    /** An agency's written petition or letter (công văn kiến nghị). */
    AGENCY_PETITION
}
