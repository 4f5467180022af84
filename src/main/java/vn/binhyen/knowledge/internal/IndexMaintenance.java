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
        reindex(published.entryId());
    }

    /** After an officer answered a question with an entry: the entry now also matches that question. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onLearned(PhrasingLearned learned) {
        reindex(learned.entryId());
    }

    private void reindex(long entryId) {
        store.publishedById(entryId).ifPresent(entry -> index.put(entry, store.learnedPhrasings(entryId)));
        indexedApprovals.set(store.lastChangeAt());
    }

    @Scheduled(
            fixedDelayString = "${binhyen.knowledge.refresh-interval:60s}",
            initialDelayString = "${binhyen.knowledge.refresh-interval:60s}")
    void catchUpWithOtherNodes() {
        if (!store.lastChangeAt().equals(indexedApprovals.get())) {
            rebuild();
        }
    }

    synchronized void rebuild() {
        var approvals = store.lastChangeAt();
        var entries = store.allPublished();
        index.rebuild(entries, store.allLearnedPhrasings());
        indexedApprovals.set(approvals);
        log.info("Knowledge index built: {} entries", entries.size());
    }
}
