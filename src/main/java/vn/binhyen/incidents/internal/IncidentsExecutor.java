package vn.binhyen.incidents.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that turn events into signals: few, so that grouping never takes more than a handful of the pool's
 * database connections, whatever the burst. Work waits in memory; the event publication registry keeps it safe.
 */
@Configuration(proxyBeanMethods = false)
class IncidentsExecutor {

    static final String NAME = "incidentSignals";

    @Bean(NAME)
    ThreadPoolTaskExecutor incidentSignals(IncidentsProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("incident-signal-");
        executor.setCorePoolSize(properties.workers());
        executor.setMaxPoolSize(properties.workers());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
