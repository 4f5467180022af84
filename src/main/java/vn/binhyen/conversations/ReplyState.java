package vn.binhyen.conversations;

/**
 * Where an officer's reply is on its way to the resident. States only move forward, so a late "sent" never
 * overwrites an earlier "seen" and a receipt delivered twice changes nothing.
 */
public enum ReplyState {
    QUEUED(0),
    SENT(1),
    DELIVERED(2),
    SEEN(3),
    FAILED(1);

    private final int rank;

    ReplyState(int rank) {
        this.rank = rank;
    }

    public boolean canMoveTo(ReplyState next) {
        if (this == FAILED || next == QUEUED) {
            return false;
        }
        if (next == FAILED) {
            return this == QUEUED;
        }
        return next.rank > rank;
    }

    /** The message key of the state's label. */
    public String labelKey() {
        return "conversations.reply.state." + name();
    }
}
