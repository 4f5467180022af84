package vn.binhyen.directory;

import java.time.Instant;
import java.util.List;

/**
 * Published, inside the change's transaction, when an officer adds, ends or removes a duty shift; the audit log
 * records it (audit listens, so the directory need not depend on audit).
 */
public record DutyRosterChanged(
        String byUsername,
        long byOfficerId,
        Change change,
        long shiftId,
        String communeCode,
        long officerId,
        Instant startsAt,
        Instant endsAt,
        List<Long> villageIds) {

    public DutyRosterChanged {
        villageIds = List.copyOf(villageIds);
    }

    public enum Change {
        ADDED,
        ENDED_EARLY,
        REMOVED
    }
}
