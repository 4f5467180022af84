package vn.binhyen.knowledge.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.binhyen.knowledge.KnowledgeEntryPublished;

/**
 * Keeps this node's index equal to the approved catalogue: seeds and builds it before the app takes traffic, updates
 * one entry right after an approval commits here, and reloads when another node approved something meanwhile.
 */
@Component
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    private final CatalogueSeeder seeder;
    private final CatalogueStore store;
    private final KnowledgeIndex index;
    private final AtomicReference<Optional<Instant>> indexedApprovals = new AtomicReference<>(Optional.empty());

    IndexMaintenance(CatalogueSeeder seeder, CatalogueStore store, KnowledgeIndex index) {
        this.seeder = seeder;
        this.store = store;
        this.index = index;
    }

    @EventListener(ApplicationStartedEvent.class)
    void buildAtStart() {
        seeder.seedMissingEntries();
        rebuild();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onPublished(KnowledgeEntryPublished published) {
        store.publishedById(published.entryId()).ifPresent(index::put);
        indexedApprovals.set(store.lastApprovalAt());
    }

    @Scheduled(
            fixedDelayString = "${binhyen.knowledge.refresh-interval:60s}",
            initialDelayString = "${binhyen.knowledge.refresh-interval:60s}")
    void catchUpWithOtherNodes() {
        if (!store.lastApprovalAt().equals(indexedApprovals.get())) {
            rebuild();
        }
    }

    synchronized void rebuild() {
        var approvals = store.lastApprovalAt();
        var entries = store.allPublished();
        index.rebuild(entries);
        indexedApprovals.set(approvals);
        log.info("Knowledge index built: {} entries", entries.size());
    }
}
