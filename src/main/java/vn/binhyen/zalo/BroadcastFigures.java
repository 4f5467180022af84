package vn.binhyen.zalo;

import java.util.Map;

/**
 * How a bulletin's messages stand on Zalo, counted from the delivery rows and Zalo's receipts (never estimated).
 *
 * @param residents delivery rows to residents (one per resident reached for)
 * @param queued messages waiting to be sent, to residents and groups (some wait out the night or the daily limit)
 * @param sent accepted by Zalo
 * @param delivered reported received by the phone ({@code user_received_message})
 * @param seen reported seen ({@code user_seen_message})
 * @param unreachable residents Zalo does not let the page message (outside the 7-day window, not following)
 * @param failed refused or never answered after every retry
 * @param cancelled not sent because the bulletin was withdrawn
 * @param groups village group messages in total, and {@code groupsSent} of them sent
 * @param reasons failure and unreachability reasons (message keys) with their counts
 */
public record BroadcastFigures(
        long residents,
        long queued,
        long sent,
        long delivered,
        long seen,
        long unreachable,
        long failed,
        long cancelled,
        long groups,
        long groupsSent,
        Map<String, Long> reasons) {

    public static final BroadcastFigures NONE = new BroadcastFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    /** Messages that have reached an end: sent, not reachable, failed or cancelled. */
    public long settled() {
        return residents + groups - queued;
    }

    /** Percent of messages settled, 100 when there was nothing to send. */
    public int percentSettled() {
        long total = residents + groups;
        return total == 0 ? 100 : (int) (settled() * 100 / total);
    }
}
