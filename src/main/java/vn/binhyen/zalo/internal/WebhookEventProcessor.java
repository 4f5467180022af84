package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Works through stored webhook events. Each event is claimed with {@code FOR UPDATE SKIP LOCKED} (so several nodes
 * share the work without taking the same event), handled and marked done in one transaction: a crash in between
 * leaves it unprocessed, never half-processed. An event that fails is retried with backoff and finally set aside.
 */
@Component
public class WebhookEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(WebhookEventProcessor.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final ZaloEventRouter router;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Pollers pollers;

    WebhookEventProcessor(
            JdbcClient jdbc, ZaloEventRouter router, TransactionTemplate transaction, Clock clock, Pollers pollers) {
        this.jdbc = jdbc;
        this.router = router;
        this.transaction = transaction;
        this.clock = clock;
        this.pollers = pollers;
    }

    @Scheduled(fixedDelayString = "${binhyen.zalo.event-poll-interval:PT0.3S}")
    public void processPending() {
        if (!pollers.running()) {
            return;
        }
        for (int i = 0; i < BATCH && pollers.running(); i++) {
            if (!processOne()) {
                return;
            }
        }
    }

    /** @return whether an event was found (handled or failed) */
    boolean processOne() {
        AtomicLong claimed = new AtomicLong(-1);
        try {
            Boolean found = transaction.execute(status -> {
                var event = jdbc.sql("""
                                SELECT id, oa_id, event_name, raw_body, attempts FROM zalo.webhook_events
                                 WHERE processed_at IS NULL AND next_attempt_at <= ?
                                 ORDER BY next_attempt_at, id
                                 LIMIT 1 FOR UPDATE SKIP LOCKED
                                """)
                        .param(Timestamp.from(clock.instant()))
                        .query(StoredEvent.class)
                        .optional();
                if (event.isEmpty()) {
                    return false;
                }
                StoredEvent e = event.get();
                claimed.set(e.id());
                JsonNode body = ZaloJson.MAPPER.readTree(e.rawBody());
                String outcome = router.route(e.id(), e.oaId(), e.eventName(), body);
                markDone(e.id(), outcome, null);
                return true;
            });
            return Boolean.TRUE.equals(found);
        } catch (RuntimeException failure) {
            if (claimed.get() < 0) {
                log.warn("Could not claim a Zalo event: {}", failure.getMessage());
                return false;
            }
            recordFailure(claimed.get(), failure);
            return true;
        }
    }

    private void markDone(long id, String outcome, String error) {
        jdbc.sql("UPDATE zalo.webhook_events SET processed_at = ?, outcome = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), outcome, error, id)
                .update();
    }

    private void recordFailure(long id, RuntimeException failure) {
        String error = failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage());
        String shortError = error.length() > 300 ? error.substring(0, 300) : error;
        transaction.executeWithoutResult(status -> {
            int attempts = jdbc.sql(
                            "UPDATE zalo.webhook_events SET attempts = attempts + 1 WHERE id = ? RETURNING attempts")
                    .param(id)
                    .query(Integer.class)
                    .single();
            if (attempts >= MAX_ATTEMPTS) {
                markDone(id, "GAVE_UP", shortError);
                log.warn("Zalo event {} set aside after {} attempts: {}", id, attempts, shortError);
            } else {
                jdbc.sql("UPDATE zalo.webhook_events SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                        .params(Timestamp.from(clock.instant().plus(backoff(attempts))), shortError, id)
                        .update();
            }
        });
    }

    /** 1 s, 2 s, 4 s … capped at 5 minutes: receipts usually only wait for a reply's send to be recorded. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts - 1, 10)));
    }

    record StoredEvent(long id, String oaId, String eventName, String rawBody, int attempts) {}
}
