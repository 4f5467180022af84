package vn.binhyen.directory;

import java.time.Instant;
import java.util.List;

/** A shift to add to a commune's roster; {@code villageIds} empty for the whole commune. */
public record NewDutyShift(long officerId, Instant startsAt, Instant endsAt, List<Long> villageIds) {

    public NewDutyShift {
        villageIds = List.copyOf(villageIds);
    }
}
