package vn.binhyen.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.binhyen.shared.events.FailedEventsRetry.Backoff;
import vn.binhyen.shared.events.FailedEventsRetry.FailedPublication;

/** A failed listener waits a minute, then twice as long after each new attempt, never more than an hour. */
class FailedEventsRetryBackoffTests {

    static final Instant PUBLISHED = Instant.parse("2026-11-30T01:00:00Z");
    final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1));

    static FailedPublication failed(int attempts, @Nullable Instant lastResubmittedAt) {
        return new FailedPublication(UUID.randomUUID(), "a.Listener.on(Event)", PUBLISHED, attempts, lastResubmittedAt);
    }

    @Test
    void theFirstAttemptWaitsTheFirstWaitAfterPublication() {
        assertThat(backoff.isDue(failed(0, null), PUBLISHED.plusSeconds(59))).isFalse();
        assertThat(backoff.isDue(failed(0, null), PUBLISHED.plusSeconds(60))).isTrue();
    }

    @Test
    void eachResubmissionDoublesTheWaitCountedFromThatResubmission() {
        Instant third = PUBLISHED.plus(Duration.ofMinutes(10));
        assertThat(backoff.isDue(failed(3, third), third.plus(Duration.ofMinutes(7))))
                .isFalse();
        assertThat(backoff.isDue(failed(3, third), third.plus(Duration.ofMinutes(8))))
                .isTrue();
        assertThat(backoff.waitAfter(1)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        assertThat(backoff.waitAfter(6)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.waitAfter(5_000)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.waitAfter(5)).isEqualTo(Duration.ofMinutes(32));
    }
}
