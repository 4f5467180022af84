package vn.binhyen.shared.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import vn.binhyen.shared.VietnamTime;

/**
 * Deletes event publications that were completed more than {@code binhyen.events.keep-completed} ago, every night.
 *
 * <p>The registry keeps a row per event and listener and, by default, keeps it after the listener has run. A resident's
 * message has four listeners, so a province's Zalo traffic alone adds millions of rows a month that nothing reads: the
 * table and its indexes (one of them a hash of the whole event) would grow without end and every insert would pay for
 * it. Outstanding publications (a listener that has not finished) are never touched: they are what a restart
 * redelivers. A week of completed ones stays for whoever investigates an incident in the event flow.
 */
@Configuration(proxyBeanMethods = false)
class CompletedEventsPruning {

    private static final Logger log = LoggerFactory.getLogger(CompletedEventsPruning.class);

    /** 03:30 Vietnam time: the quietest hour for a large delete. */
    @Bean
    RecurringTask<Void> eventsPruneCompleted(
            CompletedEventPublications completed, @Value("${binhyen.events.keep-completed:P7D}") Duration keep) {
        return Tasks.recurring("events-prune-completed", Schedules.cron("0 30 3 * * *", VietnamTime.ZONE))
                .execute((instance, context) -> {
                    completed.deletePublicationsOlderThan(keep);
                    log.info("Completed event publications older than {} deleted", keep);
                });
    }
}
