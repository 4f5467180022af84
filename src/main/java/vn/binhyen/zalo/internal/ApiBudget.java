package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
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
        Timestamp minute = Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES));
        Boolean granted = ownTransaction.execute(status -> jdbc.sql("""
                                INSERT INTO zalo.api_budget (app_id, minute, used) VALUES (?, ?, 1)
                                ON CONFLICT (app_id, minute) DO UPDATE SET used = zalo.api_budget.used + 1
                                 WHERE zalo.api_budget.used < ?
                                RETURNING used
                                """)
                .params(appId, minute, properties.requestsPerMinute())
                .query(Integer.class)
                .optional()
                .isPresent());
        return Boolean.TRUE.equals(granted);
    }

    public static Instant nextMinute(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }
}
