package vn.binhyen.bulletins;

import java.util.EnumSet;
import java.util.Set;

/** Where a bulletin is in its life, with the moves allowed from each state. */
public enum BulletinStatus {
    DRAFT,
    /** Waiting for the commune chief (or the province command). */
    PENDING,
    /** Approved, goes out at its publish time. */
    SCHEDULED,
    /** On the portal and being (or been) delivered. */
    PUBLISHED,
    REJECTED,
    /** Stopped before it went out. */
    CANCELLED,
    /** Taken down after it went out; messages not yet sent are not sent. */
    WITHDRAWN;

    public Set<BulletinStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PENDING, SCHEDULED, PUBLISHED, CANCELLED, DRAFT);
            case PENDING -> EnumSet.of(SCHEDULED, PUBLISHED, REJECTED, CANCELLED);
            case SCHEDULED -> EnumSet.of(PUBLISHED, CANCELLED);
            case PUBLISHED -> EnumSet.of(WITHDRAWN);
            case REJECTED -> EnumSet.of(DRAFT, CANCELLED);
            case CANCELLED, WITHDRAWN -> EnumSet.noneOf(BulletinStatus.class);
        };
    }

    public boolean canMoveTo(BulletinStatus target) {
        return next().contains(target);
    }

    /** Whether the author may still change text and audience. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
