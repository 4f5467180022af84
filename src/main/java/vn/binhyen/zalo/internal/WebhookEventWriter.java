package vn.binhyen.zalo.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Stores accepted webhook events with group commit: the requests that arrive while a write is under way are stored
 * together by the next write, one multi-row {@code INSERT … ON CONFLICT DO NOTHING} and one commit, and each request
 * is answered only after the commit that holds its row. Under load this turns hundreds of single-row transactions
 * (each a round trip, a commit and a pooled connection held by a waiting request) into a few, without weakening the
 * promise to Zalo: a 200 means the event is in the database.
 */
@Component
public class WebhookEventWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookEventWriter.class);
    /** A batch larger than this waits for the next write (PostgreSQL takes at most 65,535 parameters). */
    static final int MAX_BATCH = 500;

    private static final int COLUMNS = 7;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final int writers;
    private final Duration timeout;
    private volatile boolean running;
    private ExecutorService threads;
    /** The writers' own connections (see {@link #writeLoop}); the shared pool when it is not a Hikari pool. */
    private DataSource connections;

    WebhookEventWriter(JdbcClient jdbc, DataSource dataSource, ZaloProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.writers = Math.max(0, properties.webhookWriters());
        this.timeout = properties.webhookWriteTimeout();
    }

    /** A row for {@code zalo.webhook_events}. */
    public record Row(
            String oaId,
            String eventKey,
            String eventName,
            String rawBody,
            int numRetry,
            String orderingKey,
            boolean mayWarn) {}

    private record Pending(Row row, CompletableFuture<Boolean> stored) {}

    /**
     * Stores the row and waits for its commit.
     *
     * @return true when it was new, false when an earlier delivery of the same event is there already
     * @throws EventNotStoredException when the database did not take it in time (the caller must not answer 200)
     */
    public boolean store(Row row) {
        // Without writers (webhook-writers=0), or while stopping, each request stores its own row.
        if (!running) {
            return insert(jdbc, List.of(new Pending(row, new CompletableFuture<>())))
                    .contains(key(row));
        }
        var pending = new Pending(row, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.stored().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventNotStoredException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotStoredException(e);
        }
    }

    /** The event could not be stored; Zalo is answered with an error and delivers it again. */
    public static class EventNotStoredException extends RuntimeException {
        EventNotStoredException(Throwable cause) {
            super("webhook event not stored", cause);
        }
    }

    /**
     * While there is work, the writer keeps one connection of its own, from a pool of its own: taking one from the
     * shared pool would queue the intake behind everything else that waits for a connection (after a busy moment the
     * event lanes and listeners hold them all), and requests would wait seconds for their 200 or time out. An idle
     * writer gives its connection back.
     */
    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                try (Connection connection = connections.getConnection()) {
                    connection.setAutoCommit(true);
                    JdbcClient held = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                    while (!batch.isEmpty()) {
                        queue.drainTo(batch, MAX_BATCH - batch.size());
                        write(held, batch);
                        batch.clear();
                        Pending next = queue.poll(20, TimeUnit.MILLISECONDS);
                        if (next != null) {
                            batch.add(next);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    fail(batch, e);
                }
            } catch (InterruptedException e) {
                fail(batch, e);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void write(JdbcClient jdbc, List<Pending> batch) {
        try {
            Set<String> inserted = insert(jdbc, batch);
            for (Pending p : batch) {
                p.stored().complete(inserted.remove(key(p.row())));
            }
        } catch (RuntimeException e) {
            fail(batch, e);
            throw e;
        }
    }

    private static void fail(List<Pending> batch, Exception e) {
        if (!batch.isEmpty()) {
            log.warn("Webhook events not stored ({} waiting requests fail): {}", batch.size(), e.toString());
            batch.forEach(p -> p.stored().completeExceptionally(e));
            batch.clear();
        }
    }

    /** One statement for the whole batch; returns the keys of the rows that were new. */
    private static Set<String> insert(JdbcClient jdbc, List<Pending> batch) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO zalo.webhook_events
                    (oa_id, event_key, event_name, raw_body, num_retry, ordering_key, may_warn)
                VALUES\s""");
        List<Object> params = new ArrayList<>(batch.size() * COLUMNS);
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
            Row r = batch.get(i).row();
            params.add(r.oaId());
            params.add(r.eventKey());
            params.add(r.eventName());
            params.add(r.rawBody());
            params.add(r.numRetry());
            params.add(r.orderingKey());
            params.add(r.mayWarn());
        }
        sql.append(" ON CONFLICT (oa_id, event_key) DO NOTHING RETURNING oa_id, event_key");
        return new HashSet<>(jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2))
                .list());
    }

    private static String key(Row row) {
        return row.oaId() + "\n" + row.eventKey();
    }

    @Override
    public synchronized void start() {
        if (running || writers == 0) {
            return;
        }
        running = true;
        connections = ownPool();
        threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("zalo-webhook-writer-", 0).daemon().factory());
        for (int i = 0; i < writers; i++) {
            threads.submit(this::writeLoop);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (threads != null) {
            threads.shutdown();
            try {
                threads.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            threads = null;
        }
        if (connections instanceof HikariDataSource own && own != dataSource) {
            own.close();
        }
    }

    /** A pool as large as the writers, on the same database and settings as the shared one. */
    private DataSource ownPool() {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource;
            }
            HikariConfig config = new HikariConfig();
            dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
            config.setPoolName("zalo-webhook-writers");
            config.setMaximumPoolSize(writers);
            config.setMinimumIdle(0);
            config.setInitializationFailTimeout(-1);
            return new HikariDataSource(config);
        } catch (SQLException e) {
            log.warn("Webhook writers share the connection pool: {}", e.toString());
            return dataSource;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it, so no request waits on a writer that is gone. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
