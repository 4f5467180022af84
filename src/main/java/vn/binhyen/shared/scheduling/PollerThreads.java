package vn.binhyen.shared.scheduling;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The threads that run the modules' pollers ({@code @Scheduled}): the Zalo delivery and article workers, the bulletin
 * fan-out, the knowledge index refresh. A pool of {@code spring.task.scheduling.pool.size} platform threads, so each
 * poller has a thread of its own.
 *
 * <p>Without this bean, virtual threads on ({@code spring.threads.virtual.enabled}) make Spring Boot pick a
 * {@code SimpleAsyncTaskScheduler}, which runs every fixed-delay task on one single thread and ignores the pool size:
 * the fan-out of a bulletin then waited while the delivery workers drained their batches, the queue ran dry between
 * pages (measured: a 100,000-follower bulletin sent at 0.43 of the bare HTTP rate, in bursts a minute apart), and an
 * officer's reply could wait behind a knowledge refresh.
 */
@Configuration(proxyBeanMethods = false)
class PollerThreads {

    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.threadNamePrefix("poller-").build();
    }
}
