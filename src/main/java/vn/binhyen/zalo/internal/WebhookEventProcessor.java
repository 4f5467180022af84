package vn.binhyen.zalo.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Works through stored webhook events in parallel lanes. Every event carries an ordering key (the resident or the
 * group it is about, set at intake); the key's hash picks the lane, so one resident's events all go through one lane,
 * which handles them in the order they arrived, with one exception: a text that may warn of trouble (marked at intake,
 * see {@link vn.binhyen.incidents.SignalTriage}) is taken before the events waiting ahead of it, so a planned fight
 * never waits behind a burst of village chatter. Messages are shown by the time they were sent and a thread's times
 * only move forward, so handling one text early changes nothing a reader sees.
 *
 * <p>A lane claims a batch with {@code FOR UPDATE SKIP LOCKED} (so other lanes and nodes never take the same event),
 * handles it and marks it done in one transaction: one commit for the batch, and a crash in between leaves every event
 * of it unprocessed, never half-processed. When any event of a batch fails, the batch rolls back and its events are
 * handled again one by one, so only the failing one is retried (with backoff) and finally set aside.
 *
 * <p>Across nodes each node runs the same lanes; two nodes may then handle two events of one resident at the same
 * time, which the handlers tolerate (duplicates collapse on Zalo's message id, follows compare event times).
 */
@Component
public class WebhookEventProcessor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookEventProcessor.class);
    private static final int MAX_ATTEMPTS = 8;

    private final JdbcClient jdbc;
    private final ZaloEventRouter router;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Pollers pollers;
    private final int lanes;
    private final int batch;
    private final Duration pollInterval;
    private final IntakeRate intakeRate;
    private final int busyIntake;
    private final double busyShare;
    private final LaneTurns turns = new LaneTurns();

    private volatile boolean running;
    private ExecutorService workers;

    WebhookEventProcessor(
            JdbcClient jdbc,
            ZaloEventRouter router,
            TransactionTemplate transaction,
            Clock clock,
            Pollers pollers,
            ZaloProperties properties,
            IntakeRate intakeRate) {
        this.jdbc = jdbc;
        this.router = router;
        this.transaction = transaction;
        this.clock = clock;
        this.pollers = pollers;
        this.lanes = Math.max(1, properties.eventLanes());
        this.batch = Math.max(1, properties.eventBatch());
        this.pollInterval = properties.eventPollInterval();
        this.intakeRate = intakeRate;
        this.busyIntake = properties.busyIntakePerSecond();
        this.busyShare = Math.min(1, Math.max(0.05, properties.processingShareWhenBusy()));
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        workers = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("zalo-events-", 0).daemon().factory());
        for (int lane = 0; lane < lanes; lane++) {
            int l = lane;
            workers.submit(() -> runLane(l));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void runLane(int lane) {
        while (running && pollers.running()) {
            try {
                // A burst: Zalo waits at most 2 s for each acknowledgement and the cores are shared, so the lanes
                // take turns and each steps back to its share; the stored events wait, none is lost, the backlog is
                // worked off when the burst ends.
                boolean busy = intakeRate.atLeast(busyIntake);
                long[] began = new long[1];
                int handled = turns.work(busy, () -> {
                    began[0] = System.nanoTime();
                    return processBatchOrNone(lane);
                });
                if (handled < batch) {
                    Thread.sleep(pollInterval);
                } else if (busy) {
                    Thread.sleep(pauseAfter(Duration.ofNanos(System.nanoTime() - began[0]), busyShare));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int processBatchOrNone(int lane) {
        try {
            return processBatch(lane);
        } catch (RuntimeException e) {
            log.warn(
                    "Zalo event lane {} could not claim events: {}",
                    lane,
                    e.getClass().getSimpleName());
            return 0;
        }
    }

    /**
     * Claims up to a batch of the lane's due events and handles them in one transaction; on a failure, one by one.
     *
     * @return how many events were claimed
     */
    int processBatch(int lane) {
        List<Long> claimed = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                List<String> outcomes = new ArrayList<>();
                for (StoredEvent e : claim(lane, batch)) {
                    claimed.add(e.id());
                    outcomes.add(route(e));
                }
                markDone(claimed, outcomes);
            });
            return claimed.size();
        } catch (RuntimeException failure) {
            if (claimed.isEmpty()) {
                throw failure;
            }
            for (long id : claimed) {
                processOne(id);
            }
            return claimed.size();
        }
    }

    private List<StoredEvent> claim(int lane, int limit) {
        return jdbc.sql("""
                        SELECT id, oa_id, event_name, raw_body, attempts FROM zalo.webhook_events
                         WHERE processed_at IS NULL AND next_attempt_at <= :now
                           AND (hashtext(ordering_key) & 2147483647) % :lanes = :lane
                         ORDER BY may_warn DESC, next_attempt_at, id
                         LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("lanes", lanes)
                .param("lane", lane)
                .param("limit", limit)
                .query(StoredEvent::of)
                .list();
    }

    private String route(StoredEvent e) {
        JsonNode body = ZaloJson.MAPPER.readTree(e.rawBody());
        return router.route(e.id(), e.oaId(), e.eventName(), body);
    }

    private void handle(StoredEvent e) {
        markDone(e.id(), route(e), null);
    }

    /** One event in its own transaction, if it is still unprocessed and nobody else holds it. */
    private void processOne(long id) {
        try {
            transaction.executeWithoutResult(status ->
                    jdbc.sql("""
                            SELECT id, oa_id, event_name, raw_body, attempts FROM zalo.webhook_events
                             WHERE id = ? AND processed_at IS NULL FOR UPDATE SKIP LOCKED
                            """).param(id).query(StoredEvent::of).optional().ifPresent(this::handle));
        } catch (RuntimeException failure) {
            recordFailure(id, failure);
        }
    }

    private void markDone(long id, String outcome, String error) {
        jdbc.sql("UPDATE zalo.webhook_events SET processed_at = ?, outcome = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), outcome, error, id)
                .update();
    }

    /**
     * A batch's events marked done in the batch's transaction, one statement per distinct outcome (a batch has one or
     * two): each reads its rows by key. A join with the batch's ids as a table let the planner hash the whole table
     * instead once it had grown (26 to 44 rows read per event in the early-warning benchmark).
     */
    private void markDone(List<Long> ids, List<String> outcomes) {
        Map<String, List<Long>> byOutcome = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byOutcome.computeIfAbsent(outcomes.get(i), o -> new ArrayList<>()).add(ids.get(i));
        }
        Timestamp now = Timestamp.from(clock.instant());
        byOutcome.forEach((outcome, sameOutcome) -> jdbc.sql("""
                        UPDATE zalo.webhook_events SET processed_at = ?, outcome = ?, last_error = NULL
                         WHERE id = ANY(?)
                        """)
                .params(now, outcome, sameOutcome.toArray(Long[]::new))
                .update());
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

    /** How long a lane rests after a batch that took {@code worked}, to work {@code share} of its time. */
    static Duration pauseAfter(Duration worked, double share) {
        return Duration.ofNanos((long) (worked.toNanos() * (1 - share) / share));
    }

    /** 1 s, 2 s, 4 s … capped at 5 minutes: receipts usually only wait for a reply's send to be recorded. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts - 1, 10)));
    }

    record StoredEvent(long id, String oaId, String eventName, String rawBody, int attempts) {

        /**
         * Mapped by hand: the record mapper looks each column up by its Java name first, and the driver answers every
         * miss with an exception (three per event; a JFR profile of a burst counted 28,000 of them).
         */
        static StoredEvent of(ResultSet rs, int row) throws SQLException {
            return new StoredEvent(
                    rs.getLong("id"),
                    rs.getString("oa_id"),
                    rs.getString("event_name"),
                    rs.getString("raw_body"),
                    rs.getInt("attempts"));
        }
    }
}
