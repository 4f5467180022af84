package vn.binhyen.incidents;

/** How an incident ended, recorded when it is closed: the unit counts the prevented ones. */
public enum IncidentOutcome {
    /** Police acted before anything happened (the gathering was dispersed, the fight did not take place). */
    PREVENTED,
    /** It happened and was handled. */
    HANDLED,
    /** It happened before police could act. */
    OCCURRED,
    /** Nothing was there. */
    FALSE_ALARM;

    public String labelKey() {
        return "incidents.outcome." + name();
    }
}
