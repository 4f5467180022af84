package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.support.Fixtures;
import vn.binhyen.zalosim.internal.SimZalo;

/**
 * The adapter's timers (token refresh, follower sync) are db-scheduler tasks: one row each in the scheduler's table,
 * picked by one node per run, so two nodes never refresh the same token or sync the same page at once.
 */
class ZaloTimersTests extends ZaloIntegrationTest {

    @Autowired
    Scheduler scheduler;

    @Autowired
    SimZalo simZalo;

    @Test
    void theTokenRefreshAndFollowerSyncRunAsClusterWideTimers() {
        assertThat(jdbc.sql("""
                        SELECT task_name FROM shared.scheduled_tasks
                         WHERE task_name IN ('zalo-token-refresh', 'zalo-follower-sync') ORDER BY task_name
                        """).query(String.class).list())
                .containsExactly("zalo-follower-sync", "zalo-token-refresh");

        var commune = Fixtures.commune(jdbc);
        var oa = simZalo.openAndBind(commune.code(), "Công an xã " + commune.code());
        simZalo.connect(oa.oaId());
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        jdbc.sql("UPDATE zalo.official_accounts SET access_token_expires_at = ? WHERE oa_id = ?")
                .params(Timestamp.from(soon), oa.oaId())
                .update();

        // The timer's next run is brought forward; whichever node's scheduler picks it refreshes the token.
        scheduler.reschedule(TaskInstanceId.of("zalo-token-refresh", RecurringTask.INSTANCE), Instant.now());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT access_token_expires_at FROM zalo.official_accounts WHERE oa_id = ?")
                        .param(oa.oaId())
                        .query(Timestamp.class)
                        .single()
                        .toInstant()
                        .isAfter(Instant.now().plus(20, ChronoUnit.HOURS)));
        assertThat(jdbc.sql("SELECT execution_time FROM shared.scheduled_tasks WHERE task_name = 'zalo-token-refresh'")
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .as("the next run is a whole interval away")
                .isAfter(Instant.now().plus(4, ChronoUnit.MINUTES));
    }
}
