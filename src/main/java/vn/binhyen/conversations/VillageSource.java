package vn.binhyen.conversations;

/**
 * Where a thread's village came from. An officer's choice is never overwritten by what a channel learns later; the
 * channel's sources replace each other.
 */
public enum VillageSource {
    TAG,
    SUBMIT_INFO,
    GROUP,
    OFFICER
}
