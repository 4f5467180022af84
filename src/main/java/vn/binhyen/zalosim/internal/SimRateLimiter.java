package vn.binhyen.zalosim.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The per-app per-minute request limit, answered with {@code -32} and the {@code X-RateLimit-*} headers. */
@Component
@SimulatorOnly
public class SimRateLimiter {

    private final Clock clock;
    private final AtomicLong minute = new AtomicLong();
    private final AtomicInteger used = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private volatile int limit;

    public SimRateLimiter(SimProperties properties, Clock clock) {
        this.clock = clock;
        this.limit = properties.requestsPerMinute();
    }

    /** @return requests left this minute after this one, or -1 when over the limit */
    public synchronized int take() {
        long now = clock.instant().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        if (minute.getAndSet(now) != now) {
            used.set(0);
        }
        int count = used.incrementAndGet();
        if (count > limit) {
            refused.incrementAndGet();
            return -1;
        }
        return limit - count;
    }

    /** Requests answered {@code -32} since the simulator started (the benchmark checks there are none). */
    public long refusedCount() {
        return refused.get();
    }

    public int limit() {
        return limit;
    }

    /** Tests and the demo can tighten or relax the limit while running. */
    public void setLimit(int limit) {
        this.limit = limit;
    }
}
