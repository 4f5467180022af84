package vn.binhyen.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.audit.internal.AuditStore;

/**
 * The audit module's API. {@link #record} appends an entry to the chain: inside the caller's transaction when it
 * writes (the entry commits or rolls back with the change), in a transaction of its own when the caller reads in a
 * read-only one, and as one statement of its own when the caller has none (a view is recorded even though the page
 * itself changes nothing).
 */
@Service
public class AuditLog {

    private final AuditStore store;
    private final Clock clock;
    private final TransactionTemplate separate;

    AuditLog(AuditStore store, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(AuditEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            separate.executeWithoutResult(status -> append(entry));
        } else {
            // Joins the caller's transaction, or, with none, is one statement: atomic on its own, with no BEGIN or
            // COMMIT round trip while the chain's head is locked.
            append(entry);
        }
    }

    private void append(AuditEntry entry) {
        // PostgreSQL keeps microseconds: hash exactly what is stored so that the verifier recomputes the same value.
        store.append(clock.instant().truncatedTo(ChronoUnit.MICROS), entry);
    }

    /** Every entry about one subject, oldest first: the chain of custody of a report. */
    public List<AuditRecord> about(String subject) {
        return store.about(subject);
    }

    public List<AuditRecord> latest(int limit) {
        return store.latest(Math.max(1, Math.min(limit, 500)));
    }

    /** Walks the whole chain and names the first entry that does not fit. */
    public ChainVerification verify() {
        return store.verify();
    }
}
