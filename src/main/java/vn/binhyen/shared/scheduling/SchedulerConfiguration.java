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

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        List<OnStartup> startup = tasks.stream()
                .filter(OnStartup.class::isInstance)
                .map(OnStartup.class::cast)
                .toList();
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Task<?>> known = (List) tasks;
        return Scheduler.create(dataSource, known)
                .tableName(TABLE)
                .startTasks((List) startup)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .enableImmediateExecution()
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.enabled()) {
                    scheduler.start();
                    log.info("Timers running (db-scheduler, table {})", TABLE);
                }
                running = true;
            }

            @Override
            public void stop() {
                if (properties.enabled()) {
                    scheduler.stop();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
