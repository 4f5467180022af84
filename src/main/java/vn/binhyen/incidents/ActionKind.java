package vn.binhyen.incidents;

import java.util.List;

/** What officers did about an incident; the first ones are offered as buttons, the rest are recorded by the system. */
public enum ActionKind {
    PATROL_SENT,
    PARENTS_CALLED,
    GROUP_WARNED,
    NOTE,
    MERGED,
    SPLIT,
    CLOSED,
    ASSISTANCE_REQUESTED,
    OWNER_CHANGED;

    public static final List<ActionKind> RECORDABLE = List.of(PATROL_SENT, PARENTS_CALLED, GROUP_WARNED, NOTE);

    public String labelKey() {
        return "incidents.action." + name();
    }
}
