package vn.binhyen.insights.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Sums per measure and dimension for one unit and period, with the figures leaders read from them. */
public final class Totals {

    private final Map<Measure, Map<String, Long>> values = new EnumMap<>(Measure.class);

    public void add(Measure measure, String dim, long value) {
        values.computeIfAbsent(measure, m -> new TreeMap<>()).merge(dim, value, Long::sum);
    }

    public long sum(Measure measure) {
        return values.getOrDefault(measure, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    public long of(Measure measure, String dim) {
        return values.getOrDefault(measure, Map.of()).getOrDefault(dim, 0L);
    }

    public Map<String, Long> dims(Measure measure) {
        return values.getOrDefault(measure, Map.of());
    }

    /** {@code part} of {@code measure} as a share of it, 0..100, or null when there is nothing to share. */
    public @Nullable Double percent(Measure measure, String part) {
        long all = sum(measure);
        return all == 0 ? null : 100.0 * of(measure, part) / all;
    }

    /**
     * The bucket bound (minutes or days) at or under which a share {@code q} of a duration measure falls: the median is
     * {@code q = 0.5}. -1 when it lies beyond the last bound, null when nothing was counted.
     */
    public @Nullable Long quantile(Measure measure, List<Long> bounds, String prefix, double q) {
        long all = sum(measure);
        if (all == 0) {
            return null;
        }
        long wanted = (long) Math.ceil(q * all);
        long seen = 0;
        for (long bound : bounds) {
            seen += of(measure, prefix + bound);
            if (seen >= wanted) {
                return bound;
            }
        }
        return -1L;
    }
}
