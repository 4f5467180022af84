package vn.binhyen.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.audit.internal.AuditHashing;
import vn.binhyen.audit.internal.AuditStore;

/**
 * The audit module's API. {@link #record} appends an entry to the chain: inside the caller's transaction when it
 * writes (the entry commits or rolls back with the change), in a transaction of its own when the caller only reads
 * (a view is recorded even though the page itself changes nothing).
 */
@Service
public class AuditLog {

    private final AuditStore store;
    private final Clock clock;
    private final TransactionTemplate joining;
    private final TransactionTemplate separate;

    AuditLog(AuditStore store, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.clock = clock;
        this.joining = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(AuditEntry entry) {
        boolean readOnlyCaller = TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        (readOnlyCaller ? separate : joining).executeWithoutResult(status -> append(entry));
    }

    private void append(AuditEntry entry) {
        var head = store.lockHead();
        long id = head.lastId() + 1;
        // PostgreSQL keeps microseconds: hash exactly what is stored so that the verifier recomputes the same value.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHashing.hash(id, at, entry, head.lastHash());
        store.append(id, at, entry, head.lastHash(), hash);
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
