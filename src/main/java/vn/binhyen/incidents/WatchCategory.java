package vn.binhyen.incidents;

/** What a watch term is about. */
public enum WatchCategory {
    FIGHT,
    WEAPON,
    RACING,
    DRUGS,
    SCAM,
    MISSING,
    OTHER;

    public String labelKey() {
        return "incidents.category." + name();
    }
}
