package vn.binhyen.accounts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each sign-in's session epoch ({@code accounts.officer_logins.session_epoch}): moved on by a change that must sign the
 * officer out everywhere, compared with a session's own before the session is served. Read through a short-lived cache
 * ({@code binhyen.accounts.session-recheck}, 5 s) so that a console request costs no query: another node's change
 * reaches this node's sessions within that time; this node's own changes at once ({@link #forget}).
 */
@Component
class SessionEpochs {

    /** A sign-in that no longer exists (replaced or removed): every session of it is behind. */
    static final int NO_SIGN_IN = Integer.MAX_VALUE;

    private final JdbcClient jdbc;
    private final Cache<Long, Integer> current;

    SessionEpochs(JdbcClient jdbc, @Value("${binhyen.accounts.session-recheck:PT5S}") Duration recheck) {
        this.jdbc = jdbc;
        this.current = Caffeine.newBuilder()
                .expireAfterWrite(recheck)
                .maximumSize(100_000)
                .build();
    }

    /** Whether a session signed in at {@code epoch} has been ended by a change since. */
    boolean isBehind(long officerId, int epoch) {
        return current.get(officerId, this::read) > epoch;
    }

    /** Ends every session of the officer, on every node; inside the transaction of the change that calls for it. */
    void moveOn(long officerId) {
        jdbc.sql("UPDATE accounts.officer_logins SET session_epoch = session_epoch + 1 WHERE officer_id = ?")
                .param(officerId)
                .update();
    }

    /** Drops what this node knows of the officer's epoch, once a change has committed. */
    void forget(long officerId) {
        current.invalidate(officerId);
    }

    private int read(long officerId) {
        return jdbc.sql("SELECT session_epoch FROM accounts.officer_logins WHERE officer_id = ?")
                .param(officerId)
                .query(Integer.class)
                .optional()
                .orElse(NO_SIGN_IN);
    }
}
