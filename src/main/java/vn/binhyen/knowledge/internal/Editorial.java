package vn.binhyen.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.knowledge.KnowledgeEntryPublished;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Changing the catalogue: an officer proposes a version, another officer with the authority reviews it. Residents
 * keep seeing the approved version until the new one is approved; every version stays in the history.
 */
@Service
public class Editorial {

    private final CatalogueStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Editorial(CatalogueStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Proposes a new version of an existing entry; it waits for review. */
    @Transactional
    public long propose(String slug, EntryContent content, String changeNote, Editor editor) {
        if (!editor.mayPropose()) {
            throw new EditorialException("knowledge.error.may-not-propose");
        }
        long entryId = store.entryId(slug).orElseThrow(() -> new EntryNotFoundException(slug));
        if (store.history(slug).stream().anyMatch(r -> r.status() == RevisionStatus.PENDING_REVIEW)) {
            throw new EditorialException("knowledge.error.already-pending");
        }
        checkComplete(content);
        return store.insertRevision(
                entryId,
                RevisionStatus.PENDING_REVIEW,
                content,
                changeNote.strip(),
                editor.officerId(),
                editor.name(),
                clock.instant());
    }

    /** Starts a new short answer (for a question residents keep asking); public only once approved. */
    @Transactional
    public String proposeAnswer(Topic topic, EntryContent content, Editor editor) {
        if (!editor.mayPropose()) {
            throw new EditorialException("knowledge.error.may-not-propose");
        }
        checkComplete(content);
        String slug = freeSlug(content.title());
        long entryId = store.insertEntry(slug, EntryKind.ANSWER, topic, clock.instant());
        store.insertRevision(
                entryId,
                RevisionStatus.PENDING_REVIEW,
                content,
                "",
                editor.officerId(),
                editor.name(),
                clock.instant());
        return slug;
    }

    @Transactional
    public void approve(long revisionId, Editor reviewer) {
        Revision revision = pendingForReview(revisionId, reviewer);
        revision.status().checkCanBecome(RevisionStatus.APPROVED);
        store.supersedePublished(revision.entryId());
        store.decide(
                revisionId,
                RevisionStatus.APPROVED,
                reviewer.officerId(),
                reviewer.name(),
                null,
                clock.instant(),
                LocalDate.now(clock.withZone(VietnamTime.ZONE)));
        events.publishEvent(new KnowledgeEntryPublished(revision.entryId(), revision.slug(), revision.number()));
    }

    @Transactional
    public void reject(long revisionId, String reason, Editor reviewer) {
        if (reason.isBlank()) {
            throw new EditorialException("knowledge.error.reason-required");
        }
        Revision revision = pendingForReview(revisionId, reviewer);
        revision.status().checkCanBecome(RevisionStatus.REJECTED);
        store.decide(
                revisionId,
                RevisionStatus.REJECTED,
                reviewer.officerId(),
                reviewer.name(),
                reason.strip(),
                clock.instant(),
                LocalDate.now(clock.withZone(VietnamTime.ZONE)));
    }

    private Revision pendingForReview(long revisionId, Editor reviewer) {
        if (!reviewer.mayApprove()) {
            throw new EditorialException("knowledge.error.may-not-review");
        }
        Revision revision =
                store.revision(revisionId).orElseThrow(() -> new EntryNotFoundException("revision " + revisionId));
        if (revision.proposedByOfficerId() != null && revision.proposedByOfficerId() == reviewer.officerId()) {
            throw new EditorialException("knowledge.error.own-proposal");
        }
        return revision;
    }

    private static void checkComplete(EntryContent content) {
        if (content.title().isBlank() || content.summary().isBlank()) {
            throw new EditorialException("knowledge.error.title-and-summary-required");
        }
    }

    private String freeSlug(String title) {
        // fold leaves letters outside Vietnamese and English ("ß") alone; a slug keeps only a-z, digits and dashes.
        String base = VietnameseText.fold(title)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 ]", "")
                .strip()
                .replaceAll(" +", "-");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        if (base.isEmpty()) {
            base = "cau-tra-loi";
        }
        String slug = base;
        for (int n = 2; store.exists(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
