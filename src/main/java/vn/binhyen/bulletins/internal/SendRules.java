package vn.binhyen.bulletins.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.zalo.BroadcastBatch;
import vn.binhyen.zalo.QuietHours;

/**
 * Zalo's rules for what is not an urgent alert, applied when a bulletin's messages are queued: nothing promotional
 * goes out at night, and a resident gets at most {@code dailyCap} such bulletins from a page per day (the rest wait
 * for the next morning). Urgent alerts go at once, day or night.
 */
public record SendRules(QuietHours quietHours, int dailyCap) {

    public static SendRules of(BulletinsProperties properties) {
        return new SendRules(QuietHours.parse(properties.quietHours()), properties.dailyCap());
    }

    public BroadcastBatch batch(long bulletinId, String oaId, BulletinKind kind, Instant now) {
        boolean promotional = !kind.urgent();
        LocalDate today = now.atZone(VietnamTime.ZONE).toLocalDate();
        Instant dayStart = today.atStartOfDay(VietnamTime.ZONE).toInstant();
        LocalTime morning = quietHours.end() == null ? LocalTime.MIDNIGHT : quietHours.end();
        Instant nextDay =
                today.plusDays(1).atTime(morning).atZone(VietnamTime.ZONE).toInstant();
        return new BroadcastBatch(
                bulletinId,
                oaId,
                promotional,
                promotional ? quietHours.nextAllowed(now) : now,
                promotional ? dailyCap : 0,
                dayStart,
                nextDay);
    }
}
