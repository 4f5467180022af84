package vn.binhyen.shared.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler for the whole application, built with its plain API: the project's Spring Boot starter is made for
 * Boot 3 (its auto-configuration names Boot 3 classes that Boot 4 moved), see docs/decisions/0003-register.md. Every
 * module contributes its timers as {@link Task} beans; recurring ones ({@link OnStartup}) are registered at start.
 * The scheduler starts after every bean is ready, so after Flyway created its table, and stops with the context.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);
    static final String TABLE = "shared.scheduled_tasks";

    @Bean(destroyMethod = "stop")
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        List<Task<?>> startup =
                tasks.stream().filter(OnStartup.class::isInstance).toList();
        // db-scheduler adds the start-up tasks to the known ones itself: listing them twice is an error.
        List<Task<?>> known =
                tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        return Scheduler.create(dataSource, known)
                .tableName(TABLE)
                .startTasks((List) startup)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .enableImmediateExecution()
                // Our executions are short; do not hold a shutdown for db-scheduler's default 30 minutes.
                .shutdownMaxWait(java.time.Duration.ofSeconds(10))
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerProperties properties) {
        // A db-scheduler cannot start again once stopped, and the test framework pauses (stops and restarts) cached
        // contexts: start once, and stop only when the context is destroyed (destroyMethod above).
        return new SmartLifecycle() {
            private volatile boolean running;
            private boolean started;

            @Override
            public synchronized void start() {
                if (properties.enabled() && !started) {
                    scheduler.start();
                    started = true;
                    log.info("Timers running (db-scheduler, table {})", TABLE);
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
