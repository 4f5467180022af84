package vn.binhyen.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the chain from its first entry.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenId the id of the first entry that does not fit (null when the chain is intact)
 * @param problem what was wrong there, in English for the log; {@link #problemKey} for people
 */
public record ChainVerification(
        long entriesChecked,
        @Nullable Long firstBrokenId,
        @Nullable Problem problem) {

    public enum Problem {
        /** The entry's content no longer gives its stored hash: it was edited. */
        CONTENT_CHANGED,
        /** The entry does not point at the hash of the one before: one was replaced or inserted. */
        LINK_BROKEN,
        /** An id is missing: an entry was deleted. */
        ENTRY_MISSING,
        /** The chain ends before the recorded head: entries were cut off the end. */
        TAIL_MISSING
    }

    public boolean intact() {
        return problem == null;
    }

    public @Nullable String problemKey() {
        return problem == null ? null : "audit.problem." + problem.name();
    }
}
