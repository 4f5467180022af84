package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zalo limits each app to 4,000 OA API requests a minute. The budget is one counter row per app per minute in
 * PostgreSQL, so every node draws from the same budget; it is spent in its own transaction because a request that
 * went out counts even if the caller's work rolls back.
 *
 * <p>Zalo counts a request in the minute it arrives, we in the minute we grant it. A request granted just before a
 * minute ends can arrive in the next one, on top of that minute's full budget, and be refused with {@code -32} (the
 * two-node benchmark saw 34 such refusals in a run). So nothing is granted in the last {@code budgetEdgeGuard} of a
 * minute: what was granted has that long to arrive, and the guard also covers a small difference between our clock
 * and Zalo's.
 */
@Component
public class ApiBudget {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final ZaloProperties properties;

    ApiBudget(JdbcClient jdbc, PlatformTransactionManager transactions, ZaloProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
    }

    /** Spends one request of the app's budget for the current minute; false when the minute's budget is used up. */
    public boolean tryAcquire(String appId, Instant now) {
        return tryAcquire(appId, now, 1) == 1;
    }

    /**
     * Spends one request for someone waiting on a click (an administrator refreshing a page's groups): a refusal only
     * because the minute is in its last {@code budgetEdgeGuard} is waited out (at most that long) and asked again, so a
     * click does not fail for coming in the last two seconds of a minute. A used-up minute is still refused.
     */
    public boolean acquireForClick(String appId, Clock clock) {
        Instant now = clock.instant();
        if (tryAcquire(appId, now)) {
            return true;
        }
        Duration toNextMinute = Duration.between(now, nextMinute(now));
        if (toNextMinute.compareTo(properties.budgetEdgeGuard()) > 0) {
            return false;
        }
        try {
            Thread.sleep(toNextMinute.plusMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return tryAcquire(appId, clock.instant());
    }

    /**
     * Spends up to {@code wanted} requests of the app's budget for the current minute in one statement.
     *
     * @return how many were granted (0 when the minute's budget is used up)
     */
    public int tryAcquire(String appId, Instant now, int wanted) {
        if (wanted <= 0) {
            return 0;
        }
        if (now.plus(properties.budgetEdgeGuard()).isAfter(nextMinute(now))) {
            return 0;
        }
        Timestamp minute = Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES));
        int limit = properties.requestsPerMinute();
        Integer granted = ownTransaction.execute(status -> {
            // The upsert locks the minute's row (DO UPDATE), so the grant below is computed on a value no other
            // node can change before this transaction ends.
            int used = jdbc.sql("""
                            INSERT INTO zalo.api_budget (app_id, minute, used) VALUES (?, ?, 0)
                            ON CONFLICT (app_id, minute) DO UPDATE SET used = zalo.api_budget.used
                            RETURNING used
                            """).params(appId, minute).query(Integer.class).single();
            int grant = Math.max(0, Math.min(wanted, limit - used));
            if (grant > 0) {
                jdbc.sql("UPDATE zalo.api_budget SET used = used + ? WHERE app_id = ? AND minute = ?")
                        .params(grant, appId, minute)
                        .update();
            }
            return grant;
        });
        return granted == null ? 0 : granted;
    }

    public static Instant nextMinute(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }
}
