package vn.binhyen.reports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Published when a tip is registered, for early warning and figures. Carries no reporter identity. */
public record TipReceived(
        long tipId,
        String code,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        TipCategory category,
        TipChannel channel,
        boolean urgent,
        Instant receivedAt) {}
