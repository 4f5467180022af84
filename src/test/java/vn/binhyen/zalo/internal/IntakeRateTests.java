package vn.binhyen.zalo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IntakeRateTests {

    private final AtomicLong nanos = new AtomicLong(Duration.ofHours(5).toNanos());
    private final IntakeRate rate = new IntakeRate(nanos::get);

    @Test
    void busyWhileThisSecondOrTheLastOneTookEnough() {
        record(499);
        assertThat(rate.atLeast(500)).isFalse();
        record(1);
        assertThat(rate.atLeast(500)).as("500 this second").isTrue();

        advance(Duration.ofMillis(1_000));
        assertThat(rate.atLeast(500)).as("500 the second before").isTrue();
        record(10);
        advance(Duration.ofMillis(1_000));
        assertThat(rate.atLeast(500)).as("10 the second before").isFalse();
    }

    @Test
    void aQuietGapForgetsTheBurst() {
        record(800);
        advance(Duration.ofSeconds(5));
        assertThat(rate.atLeast(500)).isFalse();
    }

    @Test
    void aLaneWorksItsShareOfTheTime() {
        assertThat(WebhookEventProcessor.pauseAfter(Duration.ofMillis(100), 0.25))
                .isEqualTo(Duration.ofMillis(300));
        assertThat(WebhookEventProcessor.pauseAfter(Duration.ofMillis(100), 1.0))
                .isEqualTo(Duration.ZERO);
    }

    private void record(int events) {
        for (int i = 0; i < events; i++) {
            rate.record();
        }
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
