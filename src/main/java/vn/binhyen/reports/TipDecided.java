package vn.binhyen.reports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published once per tip, when it leaves the open states (resolved, transferred or rejected), for figures.
 *
 * @param category the final category, as the officer confirmed it
 */
public record TipDecided(
        long tipId,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        TipStatus outcome,
        TipCategory category,
        Instant receivedAt,
        Instant decidedAt) {}
