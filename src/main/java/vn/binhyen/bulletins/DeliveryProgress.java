package vn.binhyen.bulletins;

import vn.binhyen.zalo.BroadcastFigures;

/**
 * A bulletin's reach so far.
 *
 * @param listing whether recipients are still being read and queued (the totals can still grow)
 * @param figures counted from the delivery rows and Zalo's receipts
 * @param percent messages that reached an end (sent, not reachable, failed) of all queued; 100 only when done
 * @param portalViews times the bulletin's page was opened on the portal
 * @param repliedOnZalo residents who wrote to the page after the bulletin reached them
 */
public record DeliveryProgress(
        boolean listing, BroadcastFigures figures, int percent, long portalViews, int repliedOnZalo) {

    public boolean finished() {
        return !listing && figures.queued() == 0;
    }
}
