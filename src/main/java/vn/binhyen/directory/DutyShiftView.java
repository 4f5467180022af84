package vn.binhyen.directory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One duty shift (ca trực) of a commune's roster. An empty {@code villageIds} means the whole commune.
 *
 * @param addedByName who added it; null when the system did (the demo roster)
 */
public record DutyShiftView(
        long id,
        String communeCode,
        long officerId,
        String officerName,
        OfficerRole officerRole,
        Instant startsAt,
        Instant endsAt,
        List<Long> villageIds,
        List<String> villageNames,
        @Nullable String addedByName,
        Instant addedAt) {

    public DutyShiftView {
        villageIds = List.copyOf(villageIds);
        villageNames = List.copyOf(villageNames);
    }

    public boolean covers(Instant at) {
        return !startsAt.isAfter(at) && endsAt.isAfter(at);
    }

    public boolean wholeCommune() {
        return villageIds.isEmpty();
    }
}
