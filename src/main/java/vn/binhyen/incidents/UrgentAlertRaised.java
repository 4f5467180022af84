package vn.binhyen.incidents;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published when an incident crosses its unit's alert threshold, once per incident: for a channel that can reach the
 * officers on duty (their own Zalo account) and for figures.
 */
public record UrgentAlertRaised(
        long incidentId,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        String title,
        double severity,
        List<Long> officerIds,
        Instant raisedAt) {}
