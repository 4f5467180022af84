package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.reports.ReporterNoticeRequested;
import vn.binhyen.reports.ReporterNotices;
import vn.binhyen.reports.ReporterNotices.ZaloOutcome;
import vn.binhyen.zalo.ZaloBroadcasts;

/**
 * Puts receipts and result notices for reporters who wrote on Zalo into the delivery queue, as consultation messages
 * (the only kind left since 2026-03-01). Zalo lets a page send them only to users who interacted within 7 days; a
 * notice outside that window is not sent to fail, and the reporter still finds it on the status page. What happened is
 * recorded on the docket. The idempotency key makes a republished event queue one message.
 */
@Component
class ReporterNoticeDispatcher {

    private final ReporterNotices notices;
    private final BroadcastQueue pages;
    private final DeliveryQueue queue;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReporterNoticeDispatcher(
            ReporterNotices notices, BroadcastQueue pages, DeliveryQueue queue, JdbcClient jdbc, Clock clock) {
        this.notices = notices;
        this.pages = pages;
        this.queue = queue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReporterNoticeRequested notice) {
        var oaId = pages.connectedOaOf(notice.communeCode());
        if (oaId.isEmpty()) {
            notices.zaloOutcome(notice.tipId(), notice.noticeKey(), ZaloOutcome.NO_PAGE);
            return;
        }
        var userId = notices.zaloRecipient(notice.tipId(), notice.noticeKey());
        if (userId.isEmpty()) {
            notices.zaloOutcome(notice.tipId(), notice.noticeKey(), ZaloOutcome.NO_RECIPIENT);
            return;
        }
        if (!insideWindow(oaId.get(), userId.get())) {
            notices.zaloOutcome(notice.tipId(), notice.noticeKey(), ZaloOutcome.OUTSIDE_WINDOW);
            return;
        }
        if (queue.enqueue(
                DeliveryQueue.NOTICE_PREFIX + notice.noticeKey(),
                oaId.get(),
                DeliveryQueue.Target.USER,
                userId.get(),
                notice.text(),
                null)) {
            notices.zaloOutcome(notice.tipId(), notice.noticeKey(), ZaloOutcome.QUEUED);
        }
    }

    private boolean insideWindow(String oaId, String userId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM zalo.followers
                                        WHERE oa_id = ? AND user_id = ? AND last_interaction_at >= ?)
                        """)
                .params(oaId, userId, Timestamp.from(clock.instant().minus(ZaloBroadcasts.WINDOW)))
                .query(Boolean.class)
                .single();
    }
}
