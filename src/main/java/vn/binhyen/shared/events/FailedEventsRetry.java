package vn.binhyen.shared.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Runs again, without waiting for a restart, the module listeners that failed: a Zalo call refused because the app's
 * minute of API budget was spent, Zalo unreachable for a while, a deadlock. Spring Modulith marks such a publication
 * {@code FAILED} and by itself hands it to its listener again only when the application restarts.
 *
 * <p>Every {@code binhyen.events.retry-every} the failed publications are looked up cheaply (the registry's index on
 * the completion date holds few incomplete rows among the week of completed ones), and those whose wait is over are
 * resubmitted through Modulith. The wait doubles with each attempt, from {@code retry-backoff} up to {@code
 * retry-backoff-max}, so a listener that fails for good (a bug) costs one attempt an hour, not one a minute. Only
 * when something is due does Modulith run its own look-up, which reads the whole table: on a million completed
 * publications (a week of a busy province) ours took 0.15 ms, Modulith's count and search 0.24 s and 0.32 s.
 */
@Component
class FailedEventsRetry {

    private static final Logger log = LoggerFactory.getLogger(FailedEventsRetry.class);

    /** Modulith reads this many of the oldest failed publications and resubmits those we found due among them. */
    private static final int BATCH = 500;

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Backoff backoff;

    FailedEventsRetry(
            FailedEventPublications failed,
            JdbcClient jdbc,
            Clock clock,
            @Value("${binhyen.events.retry-backoff:PT1M}") Duration first,
            @Value("${binhyen.events.retry-backoff-max:PT1H}") Duration max) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.clock = clock;
        this.backoff = new Backoff(first, max);
    }

    /** The timer: one node at a time runs it (db-scheduler), though a publication can be claimed only once anyway. */
    @Bean
    RecurringTask<Void> eventsRetryFailed(@Value("${binhyen.events.retry-every:PT1M}") Duration every) {
        return Tasks.recurring("events-retry-failed", FixedDelay.of(every)).execute((instance, context) -> retryDue());
    }

    /** Resubmits the failed publications whose wait is over; returns how many. */
    int retryDue() {
        Instant now = clock.instant();
        List<FailedPublication> due =
                failedPublications().stream().filter(p -> backoff.isDue(p, now)).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Set<UUID> ids = due.stream().map(FailedPublication::id).collect(Collectors.toSet());
        log.info(
                "Running {} failed event listener(s) again: {}",
                due.size(),
                due.stream().map(FailedPublication::listenerId).distinct().toList());
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(BATCH)
                .withFilter(publication -> ids.contains(publication.getIdentifier())));
        return due.size();
    }

    /** Every failed publication, oldest first, from the registry's index on the completion date. */
    List<FailedPublication> failedPublications() {
        return jdbc.sql("""
                        SELECT id, listener_id, publication_date, completion_attempts, last_resubmission_date
                          FROM events.event_publication
                         WHERE completion_date IS NULL AND status = 'FAILED'
                         ORDER BY publication_date
                        """)
                .query((rs, row) -> new FailedPublication(
                        rs.getObject("id", UUID.class),
                        rs.getString("listener_id"),
                        rs.getTimestamp("publication_date").toInstant(),
                        rs.getInt("completion_attempts"),
                        instant(rs.getTimestamp("last_resubmission_date"))))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record FailedPublication(
            UUID id,
            String listenerId,
            Instant publishedAt,
            int attempts,
            @Nullable Instant lastResubmittedAt) {}

    /**
     * The wait before the next attempt: {@code first} after the event was published, then twice as long after each
     * resubmission, never longer than {@code max}.
     */
    record Backoff(Duration first, Duration max) {

        boolean isDue(FailedPublication publication, Instant now) {
            Instant since = publication.lastResubmittedAt() == null
                    ? publication.publishedAt()
                    : publication.lastResubmittedAt();
            return !now.isBefore(since.plus(waitAfter(publication.attempts())));
        }

        Duration waitAfter(int attempts) {
            // 2^20 times the first wait is beyond any sensible maximum; the cap keeps the shift from overflowing.
            Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts, 0), 20));
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }
}
