package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.zalo.internal.ApiBudget;
import vn.binhyen.zalo.internal.ZaloProperties;

/** The shared per-app budget: a minute's requests, none past the limit, none granted in the minute's last moments. */
class ApiBudgetTests extends ZaloIntegrationTest {

    @Autowired
    ApiBudget budget;

    @Autowired
    ZaloProperties properties;

    @Test
    void aMinuteGrantsUpToTheLimitAndNothingInItsLastSecondsSoRequestsArriveInTheMinuteZaloCounts() {
        String app = "budget-" + System.nanoTime();
        Instant minute = Instant.parse("2026-01-05T03:04:00Z");
        int limit = properties.requestsPerMinute();

        assertThat(budget.tryAcquire(app, minute.plusSeconds(1), limit - 10)).isEqualTo(limit - 10);
        assertThat(budget.tryAcquire(app, minute.plusSeconds(30), 25)).isEqualTo(10);
        assertThat(budget.tryAcquire(app, minute.plusSeconds(31), 1)).isZero();

        Instant next = minute.plus(1, ChronoUnit.MINUTES);
        Instant nextEnds = next.plus(1, ChronoUnit.MINUTES);
        assertThat(budget.tryAcquire(app, next, 5)).isEqualTo(5);
        assertThat(budget.tryAcquire(
                        app, nextEnds.minus(properties.budgetEdgeGuard()).plusMillis(1), 5))
                .as("inside the edge guard")
                .isZero();
        assertThat(budget.tryAcquire(
                        app, nextEnds.minus(properties.budgetEdgeGuard()).minusMillis(1), 5))
                .isEqualTo(5);
    }

    @Test
    void aClickInTheMinutesLastSecondsWaitsForTheNextMinuteAndAUsedUpMinuteIsStillRefused() {
        String app = "budget-click-" + System.nanoTime();
        // A clock that reads 300 ms before a minute ends, then (after the wait) the real time past it.
        Instant edge = Instant.parse("2026-01-05T03:04:59.700Z");
        var clock = new java.time.Clock() {
            boolean read;

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant now = read ? edge.plusMillis(400) : edge;
                read = true;
                return now;
            }
        };
        long began = System.nanoTime();

        assertThat(budget.acquireForClick(app, clock))
                .as("granted in the next minute")
                .isTrue();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - began))
                .as("waited out the guard, no longer")
                .isBetween(java.time.Duration.ofMillis(250), properties.budgetEdgeGuard());

        String spent = "budget-spent-" + System.nanoTime();
        Instant midMinute = Instant.parse("2026-01-05T03:06:30Z");
        budget.tryAcquire(spent, midMinute, properties.requestsPerMinute());
        assertThat(budget.acquireForClick(spent, java.time.Clock.fixed(midMinute, java.time.ZoneOffset.UTC)))
                .isFalse();
    }
}
