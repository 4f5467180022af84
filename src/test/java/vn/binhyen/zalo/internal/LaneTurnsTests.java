package vn.binhyen.zalo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lanes work side by side, except while the intake is busy: then one at a time. */
class LaneTurnsTests {

    final LaneTurns turns = new LaneTurns();
    final AtomicInteger working = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @Test
    void whileTheIntakeIsBusyOneLaneWorksAtATime() throws Exception {
        assertThat(mostAtOnceOfFourLanes(true)).isEqualTo(1);
    }

    @Test
    void otherwiseLanesWorkSideBySide() throws Exception {
        assertThat(mostAtOnceOfFourLanes(false)).isEqualTo(4);
    }

    /** Four lanes each run a batch that waits (up to a second) until all four have started. */
    private int mostAtOnceOfFourLanes(boolean busy) throws Exception {
        var allStarted = new CountDownLatch(4);
        try (var lanes = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                lanes.submit(() -> turns.work(busy, () -> {
                    mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
                    allStarted.countDown();
                    try {
                        allStarted.await(1, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    working.decrementAndGet();
                    return 50;
                }));
            }
        }
        return mostAtOnce.get();
    }
}
