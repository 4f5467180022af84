package vn.binhyen.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durations are kept as counts per bucket, not as raw values, so that a median or a 90th percentile can be read for
 * any unit and period from the rollups alone. The bucket is the smallest bound the duration does not exceed; the SQL
 * of {@link RollupStore#rebuild} uses the same bounds (exact to the microsecond, as PostgreSQL stores time).
 */
public final class Buckets {

    /** Minutes to first answer. */
    public static final List<Long> MINUTES = List.of(5L, 15L, 30L, 60L, 120L, 240L, 480L, 1440L, 2880L, 4320L, 10080L);
    /** Days to decision. */
    public static final List<Long> DAYS = List.of(1L, 2L, 3L, 5L, 7L, 10L, 15L, 20L, 30L, 60L, 90L);

    public static final String MORE = "more";

    private Buckets() {}

    public static String minutes(Instant from, Instant to) {
        return bucket(micros(from, to), MINUTES, 60_000_000L, "m");
    }

    public static String days(Instant from, Instant to) {
        return bucket(micros(from, to), DAYS, 86_400_000_000L, "d");
    }

    /** Whether a tip decided at {@code to} was within {@code days} of its receipt. */
    public static boolean within(Instant from, Instant to, int days) {
        return micros(from, to) <= days * 86_400_000_000L;
    }

    /** The upper bound of a bucket in its unit, or -1 for {@link #MORE}. */
    public static long bound(String bucket) {
        return MORE.equals(bucket) ? -1 : Long.parseLong(bucket.substring(1));
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    private static String bucket(long micros, List<Long> bounds, long unitMicros, String prefix) {
        for (long bound : bounds) {
            if (micros <= bound * unitMicros) {
                return prefix + bound;
            }
        }
        return MORE;
    }

    /** The SQL expression giving the same bucket as {@link #minutes} or {@link #days} for an interval. */
    static String sql(String interval, List<Long> bounds, long unitMicros, String prefix) {
        var sql = new StringBuilder("CASE");
        for (long bound : bounds) {
            sql.append(" WHEN extract(epoch FROM ")
                    .append(interval)
                    .append(") * 1000000 <= ")
                    .append(bound * unitMicros)
                    .append(" THEN '")
                    .append(prefix)
                    .append(bound)
                    .append('\'');
        }
        return sql.append(" ELSE '").append(MORE).append("' END").toString();
    }
}
