package vn.binhyen.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.internal.AuditHashing;
import vn.binhyen.audit.internal.AuditStore;

/**
 * The audit chain: every page an officer opens appends an entry under one row lock (the chain's head), so how long a
 * writer holds it bounds the entries the whole country can write a second. Writers append inbox views as fast as they
 * can for a few seconds each: through the app's own {@code AuditStore.append} (one statement, session 12), and as the
 * app appended before session 12 (a transaction: lock the head, hash in Java, insert, commit), with 1, 4 and 16
 * writers, each with its own connection, interleaved. Both write real, chained entries.
 */
final class AuditChainBench {

    record Rate(String form, int writers, long entries, double seconds, double p50Millis) {
        double perSecond() {
            return entries / seconds;
        }
    }

    private static final AuditEntry VIEW =
            AuditEntry.byOfficer("truong.buonmathuot", 1, AuditAction.VIEW, "inbox:24133", "page 0");

    private final String url;
    private final double secondsEach;

    AuditChainBench(String url, double secondsEach) {
        this.url = url;
        this.secondsEach = secondsEach;
    }

    List<Rate> run(Consumer<String> line) throws Exception {
        List<Rate> rates = new ArrayList<>();
        for (int writers : new int[] {1, 4, 16}) {
            for (int round = 0; round < 2; round++) {
                rates.add(measure("before session 12", writers, AuditChainBench::appendBefore));
                rates.add(measure("now (AuditStore.append)", writers, AuditChainBench::appendNow));
            }
        }
        line.accept(String.format("%-26s %8s %14s %12s", "audit append", "writers", "entries/s", "p50 ms"));
        for (int writers : new int[] {1, 4, 16}) {
            for (String form : List.of("before session 12", "now (AuditStore.append)")) {
                var mine = rates.stream()
                        .filter(r -> r.writers() == writers && r.form().equals(form))
                        .toList();
                double perSecond = mine.stream().mapToLong(Rate::entries).sum()
                        / mine.stream().mapToDouble(Rate::seconds).sum();
                double p50 = mine.stream().mapToDouble(Rate::p50Millis).average().orElse(0);
                line.accept(String.format("%-26s %8d %14.0f %12.3f", form, writers, perSecond, p50));
            }
        }
        return rates;
    }

    private interface Append {
        void append(Connection connection, JdbcClient jdbc) throws SQLException;
    }

    private Rate measure(String form, int writers, Append append) throws Exception {
        long deadline = System.nanoTime() + (long) (secondsEach * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            long started = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    List<Long> nanos = new ArrayList<>();
                    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            append.append(connection, jdbc);
                            nanos.add(System.nanoTime() - t0);
                        }
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (var f : done) {
                all.addAll(f.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            all.sort(null);
            return new Rate(form, writers, all.size(), seconds, all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6);
        } finally {
            pool.shutdown();
        }
    }

    /** The app's path now: one statement, autocommit (a view has no transaction of its own). */
    private static void appendNow(Connection connection, JdbcClient jdbc) {
        new AuditStore(jdbc).append(Instant.now().truncatedTo(ChronoUnit.MICROS), VIEW);
    }

    /** {@code AuditLog.record} before session 12: a transaction that locks the head, hashes in Java, inserts, commits. */
    private static void appendBefore(Connection connection, JdbcClient jdbc) throws SQLException {
        connection.setAutoCommit(false);
        try {
            long lastId;
            String lastHash;
            try (PreparedStatement s = connection.prepareStatement(
                            "SELECT last_id, last_hash FROM audit.chain_head WHERE singleton FOR UPDATE");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                lastId = rs.getLong(1);
                lastHash = rs.getString(2);
            }
            long id = lastId + 1;
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String hash = AuditHashing.hash(id, at, VIEW, lastHash);
            try (PreparedStatement s = connection.prepareStatement("""
                    WITH moved AS (UPDATE audit.chain_head SET last_id = ?, last_hash = ? WHERE singleton)
                    INSERT INTO audit.entries (id, recorded_at, actor, officer_id, action, subject, detail, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                s.setLong(1, id);
                s.setString(2, hash);
                s.setLong(3, id);
                s.setTimestamp(4, Timestamp.from(at));
                s.setString(5, VIEW.actor());
                s.setLong(6, VIEW.officerId());
                s.setString(7, VIEW.action().name());
                s.setString(8, VIEW.subject());
                s.setString(9, VIEW.detail());
                s.setString(10, lastHash);
                s.setString(11, hash);
                s.executeUpdate();
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
