package vn.binhyen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import vn.binhyen.support.IntegrationTest;

/**
 * Pollers ({@code @Scheduled} with a fixed delay) do not take turns: while one is busy (the delivery workers draining
 * a long queue), another (the bulletin fan-out) still runs. With virtual threads Spring Boot's default scheduler runs
 * every fixed-delay task on a single thread, and this test fails on it.
 */
@IntegrationTest
class PollerThreadsTests {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void aBusyPollerDoesNotHoldUpTheOthers() throws InterruptedException {
        var busyStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var otherRan = new CountDownLatch(1);
        var busy = scheduler.scheduleWithFixedDelay(
                () -> {
                    busyStarted.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                Duration.ofMillis(50));
        try {
            assertThat(busyStarted.await(5, TimeUnit.SECONDS)).isTrue();
            var other = scheduler.scheduleWithFixedDelay(otherRan::countDown, Duration.ofMillis(50));
            try {
                assertThat(otherRan.await(3, TimeUnit.SECONDS))
                        .as("a second poller runs while the first is busy")
                        .isTrue();
            } finally {
                other.cancel(false);
            }
        } finally {
            release.countDown();
            busy.cancel(false);
        }
    }
}
