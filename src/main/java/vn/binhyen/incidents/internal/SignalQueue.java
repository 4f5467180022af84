package vn.binhyen.incidents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.incidents.SignalTriage;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.NewSignal.SignalSource;

/**
 * Signals waiting to be matched and grouped (decision 0010). A source's signal is queued in the source's own
 * transaction, so it exists exactly when the tip or the message does; a few workers take them one per transaction,
 * group them and delete them, so a crash in between leaves the signal queued, never lost or half-grouped.
 *
 * <p>Signals that may warn (a tip, a message with a watch term) are taken first. On the two cores the province's
 * traffic shares, a burst of village chatter can outrun grouping for a while; a planned fight or race must not wait
 * behind it, since what it is worth is minutes before the event. Chatter is grouped when the burst has passed.
 */
@Component
class SignalQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SignalQueue.class);
    private static final int MAX_ATTEMPTS = 8;
    /** When a signal that failed every attempt is due again: never, until an officer puts it back in line. */
    private static final Instant SET_ASIDE = Instant.parse("9999-12-31T00:00:00Z");
    /** Idle workers look again this often, for signals queued by another node or before a restart. */
    private static final Duration IDLE_LOOK = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final SignalIntake intake;
    private final UnitSettings settings;
    private final SignalTriage triage;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int workers;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private @Nullable ExecutorService threads;

    SignalQueue(
            JdbcClient jdbc,
            SignalIntake intake,
            UnitSettings settings,
            SignalTriage triage,
            PlatformTransactionManager transactions,
            Clock clock,
            IncidentsProperties properties) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.settings = settings;
        this.triage = triage;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.workers = Math.max(1, properties.workers());
    }

    /**
     * Queues the signal in the caller's transaction, if the unit watches. Its workers are woken when that commits.
     */
    void enqueue(NewSignal signal) {
        if (!settings.of(signal.communeCode()).watching()) {
            return;
        }
        boolean mayWarn = signal.source() == SignalSource.TIP
                || signal.urgent()
                || triage.mayWarn(signal.communeCode(), signal.text());
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO incidents.signal_queue (may_warn, source, source_ref, source_key, province_code,
                            commune_code, village_id, latitude, longitude, group_ref, place_text, text, urgent,
                            category_hint, sent_at, stated_event_at, queued_at, next_attempt_at)
                        VALUES (:mayWarn, :source, :ref, :key, :province, :commune, :village, :lat, :lon, :groupRef,
                            :placeText, :text, :urgent, :hint, :sentAt, :statedAt, :now, :now)
                        """)
                .param("mayWarn", mayWarn)
                .param("source", signal.source().name())
                .param("ref", signal.sourceRef())
                .param("key", signal.sourceKey())
                .param("province", signal.provinceCode())
                .param("commune", signal.communeCode())
                .param("village", signal.villageId())
                .param("lat", signal.latitude())
                .param("lon", signal.longitude())
                .param("groupRef", signal.groupRef())
                .param("placeText", signal.placeText())
                .param("text", signal.text())
                .param("urgent", signal.urgent())
                .param(
                        "hint",
                        signal.categoryHint() == null
                                ? null
                                : signal.categoryHint().name())
                .param("sentAt", Timestamp.from(signal.sentAt()))
                .param("statedAt", IncidentLedger.timestamp(signal.statedEventAt()))
                .param("now", Timestamp.from(now))
                .update();
        afterCommit(this::wake);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * Groups the first waiting signal, in one transaction with its removal from the queue.
     *
     * @return false when nothing was waiting
     */
    boolean groupNext() {
        QueuedSignal[] taken = new QueuedSignal[1];
        try {
            transaction.executeWithoutResult(status -> {
                taken[0] = jdbc.sql("""
                                SELECT * FROM incidents.signal_queue
                                 WHERE next_attempt_at <= ?
                                 ORDER BY may_warn DESC, id
                                 LIMIT 1 FOR UPDATE SKIP LOCKED
                                """)
                        .param(Timestamp.from(clock.instant()))
                        .query(SignalQueue::row)
                        .optional()
                        .orElse(null);
                if (taken[0] != null) {
                    intake.ingest(taken[0].signal());
                    jdbc.sql("DELETE FROM incidents.signal_queue WHERE id = ?")
                            .param(taken[0].id())
                            .update();
                }
            });
        } catch (RuntimeException failure) {
            if (taken[0] == null) {
                throw failure;
            }
            recordFailure(taken[0], failure);
        }
        return taken[0] != null;
    }

    /** Signals of the commune, or of the whole province, that failed every attempt. */
    long setAside(String provinceCode, @Nullable String communeCode) {
        return jdbc.sql("""
                        SELECT count(*) FROM incidents.signal_queue
                         WHERE province_code = :province AND next_attempt_at >= :setAside
                        """ + (communeCode == null ? "" : " AND commune_code = :commune"))
                .param("province", provinceCode)
                .param("commune", communeCode == null ? "" : communeCode)
                .param("setAside", Timestamp.from(SET_ASIDE))
                .query(Long.class)
                .single();
    }

    /**
     * Puts the commune's set-aside signals back in line with their attempts counted afresh (once the cause, a
     * database refusing them for instance, is mended) and wakes the workers when the caller commits.
     *
     * @return how many were put back
     */
    int retrySetAside(String communeCode) {
        int retried = jdbc.sql("""
                        UPDATE incidents.signal_queue SET attempts = 0, next_attempt_at = :now
                         WHERE commune_code = :commune AND next_attempt_at >= :setAside
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("commune", communeCode)
                .param("setAside", Timestamp.from(SET_ASIDE))
                .update();
        afterCommit(this::wake);
        return retried;
    }

    private void recordFailure(QueuedSignal taken, RuntimeException failure) {
        String error = failure.getClass().getSimpleName();
        int attempts = taken.attempts() + 1;
        // Not dropped: after the last attempt the signal stays queued, set aside; the unit's board counts it.
        Instant next = attempts >= MAX_ATTEMPTS ? SET_ASIDE : clock.instant().plusSeconds(1L << Math.min(attempts, 10));
        jdbc.sql("UPDATE incidents.signal_queue SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, Timestamp.from(next), error, taken.id())
                .update();
        log.warn("Signal {} not grouped (attempt {} of {}): {}", taken.signal(), attempts, MAX_ATTEMPTS, error);
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void work() {
        while (running) {
            boolean grouped;
            try {
                grouped = groupNext();
            } catch (RuntimeException e) {
                log.warn("Signal queue could not be read: {}", e.getClass().getSimpleName());
                grouped = false;
            }
            if (!grouped) {
                synchronized (wakeUp) {
                    try {
                        wakeUp.wait(IDLE_LOOK.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("incident-signal-", 0).daemon().factory());
        for (int i = 0; i < workers; i++) {
            threads.submit(this::work);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        if (threads != null) {
            threads.shutdown();
            try {
                threads.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            threads = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record QueuedSignal(long id, int attempts, NewSignal signal) {}

    private static QueuedSignal row(ResultSet rs, int n) throws SQLException {
        String hint = rs.getString("category_hint");
        Timestamp stated = rs.getTimestamp("stated_event_at");
        var signal = new NewSignal(
                SignalSource.valueOf(rs.getString("source")),
                rs.getString("source_ref"),
                rs.getString("source_key"),
                rs.getString("province_code"),
                rs.getString("commune_code"),
                rs.getObject("village_id", Long.class),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("group_ref"),
                rs.getString("place_text"),
                rs.getString("text"),
                rs.getBoolean("urgent"),
                hint(hint),
                rs.getTimestamp("sent_at").toInstant(),
                stated == null ? null : stated.toInstant());
        return new QueuedSignal(rs.getLong("id"), rs.getInt("attempts"), signal);
    }

    /**
     * A hint no longer known (a category renamed since the row was queued) is dropped, not thrown: a row that cannot
     * be read would be taken first again and again, and every signal behind it would wait.
     */
    private static @Nullable WatchCategory hint(@Nullable String name) {
        for (WatchCategory category : WatchCategory.values()) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        return null;
    }
}
