package vn.binhyen.shared.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timers for operators: {@code /actuator/scheduler} lists every task instance with its next run, last success and
 * failure and the node running it now; {@code /actuator/health} has a "scheduler" part that is DOWN when this node
 * should run timers and does not, or when an execution has stopped sending heartbeats (its node died mid-run). Read
 * from db-scheduler's table, so it shows the whole cluster, not only this node.
 */
@Component("schedulerHealthIndicator")
@Endpoint(id = "scheduler")
class SchedulerEndpoint implements HealthIndicator {

    /** db-scheduler's default heartbeat is 5 minutes; four missed beats means the node is gone. */
    static final Duration STALE_HEARTBEAT = Duration.ofMinutes(20);

    private final JdbcClient jdbc;
    private final Scheduler scheduler;
    private final SchedulerProperties properties;
    private final Clock clock;

    SchedulerEndpoint(JdbcClient jdbc, Scheduler scheduler, SchedulerProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    public record TaskRun(
            String task,
            String instance,
            Instant nextRun,
            boolean running,
            @Nullable String runningOn,
            @Nullable Instant lastSuccess,
            @Nullable Instant lastFailure,
            int consecutiveFailures,
            boolean overdue) {}

    public record Timers(boolean enabledOnThisNode, boolean started, Instant now, List<TaskRun> tasks) {}

    @ReadOperation
    public Timers timers() {
        Instant now = clock.instant();
        Instant late = now.minus(properties.pollingInterval().multipliedBy(3));
        List<TaskRun> tasks = jdbc.sql("SELECT task_name, task_instance, execution_time, picked, picked_by,"
                        + " last_success, last_failure, consecutive_failures FROM " + SchedulerConfiguration.TABLE
                        + " ORDER BY execution_time, task_name, task_instance LIMIT 500")
                .query((rs, n) -> {
                    Instant next = rs.getTimestamp("execution_time").toInstant();
                    boolean picked = rs.getBoolean("picked");
                    return new TaskRun(
                            rs.getString("task_name"),
                            rs.getString("task_instance"),
                            next,
                            picked,
                            rs.getString("picked_by"),
                            instant(rs, "last_success"),
                            instant(rs, "last_failure"),
                            rs.getInt("consecutive_failures"),
                            !picked && next.isBefore(late));
                })
                .list();
        return new Timers(properties.enabled(), scheduler.getSchedulerState().isStarted(), now, tasks);
    }

    @Override
    public Health health() {
        int tasks = jdbc.sql("SELECT count(*) FROM " + SchedulerConfiguration.TABLE)
                .query(Integer.class)
                .single();
        int failing = jdbc.sql(
                        "SELECT count(*) FROM " + SchedulerConfiguration.TABLE + " WHERE consecutive_failures > 0")
                .query(Integer.class)
                .single();
        int stale = jdbc.sql(
                        "SELECT count(*) FROM " + SchedulerConfiguration.TABLE + " WHERE picked AND last_heartbeat < ?")
                .param(Timestamp.from(clock.instant().minus(STALE_HEARTBEAT)))
                .query(Integer.class)
                .single();
        boolean started = scheduler.getSchedulerState().isStarted()
                && !scheduler.getSchedulerState().isShuttingDown();
        Health.Builder health =
                !properties.enabled() ? Health.unknown() : started && stale == 0 ? Health.up() : Health.down();
        return health.withDetail("enabledOnThisNode", properties.enabled())
                .withDetail("started", started)
                .withDetail("tasks", tasks)
                .withDetail("failing", failing)
                .withDetail("staleExecutions", stale)
                .build();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
