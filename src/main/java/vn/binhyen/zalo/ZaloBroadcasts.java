package vn.binhyen.zalo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.zalo.internal.BroadcastQueue;

/**
 * The Zalo channel's API for bulletins: find a commune's page and its followers, and put one message per recipient
 * into the shared delivery queue (the same queue, worker, budget and receipts as officers' replies). Queueing is
 * idempotent per (bulletin, recipient), so a page of recipients written twice sends once.
 */
@Service
public class ZaloBroadcasts {

    /** Zalo lets a page send consultation messages only to users who interacted within 7 days. */
    public static final Duration WINDOW = Duration.ofDays(7);

    private final BroadcastQueue queue;
    private final Clock clock;

    ZaloBroadcasts(BroadcastQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** The connected OA of a commune's police page, if it has one. */
    @Transactional(readOnly = true)
    public Optional<String> pageOf(String communeCode) {
        return queue.connectedOaOf(communeCode);
    }

    /** Followers of the page with ids after {@code afterUserId}, in id order, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<String> followers(String oaId, String afterUserId, int limit) {
        return queue.followers(oaId, afterUserId, limit);
    }

    /** Stores the bulletin's text once; every delivery row of the bulletin reads it. */
    @Transactional
    public void registerText(long bulletinRef, String text) {
        queue.registerText(bulletinRef, text);
    }

    /**
     * Queues one message per resident, in the caller's transaction. Residents who do not follow the page or are
     * outside the 7-day window are recorded as not reachable at once rather than sent to fail.
     *
     * @return rows written now (0 for residents already queued for this bulletin)
     */
    @Transactional
    public int queueResidents(BroadcastBatch batch, List<String> userIds) {
        if (userIds.isEmpty()) {
            return 0;
        }
        return queue.queueResidents(batch, userIds, clock.instant().minus(WINDOW));
    }

    /** Queues one message per village group (group messages are free and allowed at any hour). */
    @Transactional
    public int queueGroups(BroadcastBatch batch, List<String> groupIds) {
        if (groupIds.isEmpty()) {
            return 0;
        }
        return queue.queueGroups(batch, groupIds);
    }

    /** Cancels the bulletin's messages not sent yet. */
    @Transactional
    public int cancel(long bulletinRef) {
        return queue.cancel(bulletinRef);
    }

    @Transactional(readOnly = true)
    public BroadcastFigures figures(long bulletinRef) {
        return queue.figures(bulletinRef);
    }

    /** Residents who wrote to the page after the bulletin reached them (their replies are in the inbox). */
    @Transactional(readOnly = true)
    public List<String> residentsWhoWroteAfter(long bulletinRef, int limit) {
        return queue.residentsWhoWroteAfter(bulletinRef, limit);
    }
}
