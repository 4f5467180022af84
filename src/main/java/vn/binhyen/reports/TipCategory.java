package vn.binhyen.reports;

/** What a tip is about, as the resident chooses it; an officer may correct it when accepting. */
public enum TipCategory {
    FIGHT_OR_DISORDER,
    THEFT,
    DRUGS,
    GAMBLING,
    ILLEGAL_RACING,
    FRAUD,
    WEAPONS,
    SUSPICIOUS_PERSON,
    TRAFFIC,
    OTHER;

    /** The message key of the category's Vietnamese label. */
    public String labelKey() {
        return "tip.category." + name();
    }
}
