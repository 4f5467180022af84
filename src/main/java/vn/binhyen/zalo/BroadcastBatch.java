package vn.binhyen.zalo;

import java.time.Instant;

/**
 * How one bulletin's messages are queued on one OA.
 *
 * @param bulletinRef the bulletin; with the recipient it forms the idempotency key
 * @param oaId the commune page that sends
 * @param promotional not an urgent alert: waits out Zalo's night ban and counts toward the daily cap per resident
 * @param notBefore the earliest moment to send
 * @param dailyCap promotional messages a resident may get from the page per day (0: no cap); over it, the message
 *     waits for {@code nextDay}
 * @param dayStart the start of today (Vietnam time)
 * @param nextDay when a capped message may go
 */
public record BroadcastBatch(
        long bulletinRef,
        String oaId,
        boolean promotional,
        Instant notBefore,
        int dailyCap,
        Instant dayStart,
        Instant nextDay) {}
