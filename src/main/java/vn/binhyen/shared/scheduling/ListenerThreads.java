package vn.binhyen.shared.scheduling;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the modules' asynchronous event listeners ({@code @ApplicationModuleListener}): a fixed few.
 *
 * <p>Without this bean Spring Boot's own executor backs off (a module defines an executor of its own) and {@code @Async}
 * falls back to a new platform thread per event, however many arrive. A burst of Zalo messages then started thousands
 * of threads at once, each matching the knowledge base and each waiting for one of the pool's connections, and
 * starved the webhook itself of CPU (measured: 55 acknowledged events/s with them, about 1,000 without). Here work
 * waits in memory instead, in order; the event publication registry keeps it safe across a crash.
 */
@Configuration(proxyBeanMethods = false)
class ListenerThreads {

    /** The name {@code @Async} looks for when several executors exist. */
    static final String NAME = "taskExecutor";

    @Bean(NAME)
    ThreadPoolTaskExecutor taskExecutor(@Value("${binhyen.events.listener-threads:4}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("event-listener-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
