package vn.binhyen.incidents;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published when an officer closes an incident with its outcome, for figures (prevented ones above all).
 *
 * @param categories the {@link WatchCategory} names the incident was about
 */
public record IncidentClosed(
        long incidentId,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        List<String> categories,
        IncidentOutcome outcome,
        Instant closedAt) {}
