package vn.binhyen.reports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published when a tip is registered, for early warning and figures. Carries no reporter identity; the description,
 * place and location travel with it so that early warning can group the tip without reading the register back.
 */
public record TipReceived(
        long tipId,
        String code,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        TipCategory category,
        TipChannel channel,
        boolean urgent,
        Instant receivedAt,
        @Nullable String description,
        @Nullable String place,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable Instant occurredAt) {}
