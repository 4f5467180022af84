package vn.binhyen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.support.IntegrationTest;

/** The nightly pruning deletes old completed publications, and never one a listener has still to finish. */
@IntegrationTest
class CompletedEventsPruningTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("eventsPruneCompleted")
    RecurringTask<Void> pruning;

    @Test
    void oldCompletedPublicationsGoAndOutstandingOnesStay() {
        Instant now = clock.instant();
        UUID old = publication(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(400)));
        UUID recent = publication(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        UUID outstanding = publication(now.minus(Duration.ofDays(400)), null);

        pruning.execute(pruning.instance(RecurringTask.INSTANCE), null);

        List<UUID> left = jdbc.sql("SELECT id FROM events.event_publication WHERE id IN (?, ?, ?)")
                .params(old, recent, outstanding)
                .query(UUID.class)
                .list();
        assertThat(left).containsExactlyInAnyOrder(recent, outstanding);
    }

    private UUID publication(Instant published, @Nullable Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event,
                            publication_date, completion_date, status, completion_attempts)
                        VALUES (?, 'test.PruningListener', 'test.Event', ?, ?, ?, ?, 1)
                        """)
                .params(
                        id,
                        "{\"test\":\"" + id + "\"}",
                        Timestamp.from(published),
                        completed == null ? null : Timestamp.from(completed),
                        completed == null ? "PUBLISHED" : "COMPLETED")
                .update();
        return id;
    }
}
