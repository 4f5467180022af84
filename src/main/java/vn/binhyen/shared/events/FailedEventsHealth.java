package vn.binhyen.shared.events;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.binhyen.shared.events.FailedEventsRetry.FailedPublication;

/**
 * The "events" part of {@code /actuator/health}: how many module listeners have failed and wait to run again, by
 * listener, and since when the oldest waits. It stays UP, since a failed listener is retried and the application
 * serves meanwhile; an operator alerts on the details (a listener failing for hours is a bug or a long outage).
 */
@Component("eventsHealthIndicator")
class FailedEventsHealth implements HealthIndicator {

    private final FailedEventsRetry retry;

    FailedEventsHealth(FailedEventsRetry retry) {
        this.retry = retry;
    }

    @Override
    public Health health() {
        List<FailedPublication> failed = retry.failedPublications();
        Map<String, Long> byListener = failed.stream()
                .collect(Collectors.groupingBy(FailedPublication::listenerId, TreeMap::new, Collectors.counting()));
        Health.Builder health = Health.up().withDetail("failedListeners", failed.size());
        if (!failed.isEmpty()) {
            health.withDetail("byListener", byListener)
                    .withDetail("oldestPublishedAt", failed.getFirst().publishedAt())
                    .withDetail(
                            "mostAttempts",
                            failed.stream()
                                    .mapToInt(FailedPublication::attempts)
                                    .max()
                                    .orElse(0));
        }
        return health.build();
    }
}
