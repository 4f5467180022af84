package vn.binhyen.insights.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, as the rollups count it: counted at its village (when known), its commune (when it has
 * one) and always at its province.
 */
public record Fact(
        String provinceCode,
        @Nullable String communeCode,
        @Nullable Long villageId,
        LocalDate day,
        Measure measure,
        String dim,
        long delta) {

    public Fact {
        if (communeCode == null && villageId != null) {
            throw new IllegalArgumentException("A village fact needs its commune");
        }
    }
}
