package vn.binhyen.shared.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The db-scheduler instance every module's timers run on.
 *
 * @param enabled run timers on this node (several nodes may all run it: each execution is picked by one)
 * @param pollingInterval how often the node looks for due executions
 * @param threads worker threads
 */
@ConfigurationProperties("binhyen.scheduler")
public record SchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT10S") Duration pollingInterval,
        @DefaultValue("2") int threads) {}
