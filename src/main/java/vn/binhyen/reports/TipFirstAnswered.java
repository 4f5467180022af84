package vn.binhyen.reports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Published once per tip, when the police first write to the reporter: the start of "time to first answer". */
public record TipFirstAnswered(
        long tipId,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        Instant receivedAt,
        Instant answeredAt) {}
