package vn.binhyen.zalo.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * How many webhook events this node stored in the current and the previous second: the signal for event processing
 * to make room for the intake during a burst ({@link WebhookEventProcessor}). Local to the node on purpose, since what
 * it protects is this node's CPU. Measured on the monotonic clock: it is a rate, not a business time.
 */
@Component
class IntakeRate {

    private final LongSupplier nanoTime;
    private final AtomicInteger current = new AtomicInteger();
    private volatile long second;
    private volatile int previous;

    IntakeRate() {
        this(System::nanoTime);
    }

    IntakeRate(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.second = now();
    }

    void record() {
        roll();
        current.incrementAndGet();
    }

    /** Whether this second or the last one took at least {@code eventsPerSecond} events. */
    boolean atLeast(int eventsPerSecond) {
        roll();
        return current.get() >= eventsPerSecond || previous >= eventsPerSecond;
    }

    private long now() {
        return TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong());
    }

    private void roll() {
        long now = now();
        if (now == second) {
            return;
        }
        synchronized (this) {
            if (now != second) {
                int last = current.getAndSet(0);
                previous = now == second + 1 ? last : 0;
                second = now;
            }
        }
    }
}
