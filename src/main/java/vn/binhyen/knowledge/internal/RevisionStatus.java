package vn.binhyen.knowledge.internal;

import java.util.Set;

/** Where a version of an entry stands. Only an approved one is public; a newer approval supersedes it. */
public enum RevisionStatus {
    PENDING_REVIEW,
    APPROVED,
    REJECTED,
    SUPERSEDED;

    private Set<RevisionStatus> next() {
        return switch (this) {
            case PENDING_REVIEW -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(SUPERSEDED);
            case REJECTED, SUPERSEDED -> Set.of();
        };
    }

    public void checkCanBecome(RevisionStatus target) {
        if (!next().contains(target)) {
            throw new EditorialException("knowledge.error.transition", name(), target.name());
        }
    }
}
