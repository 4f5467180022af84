package vn.binhyen.zalo.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Zalo adapter's timers, on the application's db-scheduler: each run is picked by one node, so two nodes never
 * refresh tokens or sync followers at the same time. (The event lanes and the delivery queue are not timers: every
 * node works them, sharing rows through {@code SKIP LOCKED}.)
 */
@Configuration(proxyBeanMethods = false)
class ZaloTimers {

    static final String TOKEN_REFRESH = "zalo-token-refresh";
    static final String FOLLOWER_SYNC = "zalo-follower-sync";

    @Bean
    RecurringTask<Void> zaloTokenRefresh(TokenKeeper tokens, ZaloProperties properties) {
        return Tasks.recurring(
                        TOKEN_REFRESH,
                        new DelayedFixedDelay(properties.refreshCheckInterval(), properties.refreshCheckInitialDelay()))
                .execute((instance, context) -> tokens.refreshDueTokens());
    }

    @Bean
    RecurringTask<Void> zaloFollowerSync(FollowerSync sync, ZaloProperties properties) {
        return Tasks.recurring(
                        FOLLOWER_SYNC,
                        new DelayedFixedDelay(
                                properties.followerSyncCheckInterval(), properties.followerSyncInitialDelay()))
                .execute((instance, context) -> sync.syncDue());
    }

    /** A fixed delay between runs whose first run waits {@code initialDelay} after the task is first registered. */
    record DelayedFixedDelay(Duration interval, Duration initialDelay) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
            return executionComplete.getTimeDone().plus(interval);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(initialDelay);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
