package vn.binhyen.reports;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.reports.internal.RegisterStore;
import vn.binhyen.shared.crypto.SecretBox;

/**
 * The reports API for channels that deliver notices to reporters. Opening the sealed identity to find the recipient
 * is a reveal like any other: it is written to the audit log (by "system", for the notice), never to the log file.
 */
@Service
public class ReporterNotices {

    /** What became of a notice on the reporter's Zalo chat. */
    public enum ZaloOutcome {
        /** Queued for delivery as a consultation message inside Zalo's 7-day window. */
        QUEUED,
        /** Zalo accepted the message (it returned a message id). */
        SENT,
        /** Zalo reported the message reached the reporter's phone ({@code user_received_message}). */
        DELIVERED,
        /** Zalo reported the reporter opened it ({@code user_seen_message}). */
        SEEN,
        /** Zalo refused it or could not be reached after the retries; the status page still has it. */
        FAILED,
        /** The reporter last wrote more than 7 days ago: Zalo would refuse it; the status page still has it. */
        OUTSIDE_WINDOW,
        /** The commune has no connected Zalo page. */
        NO_PAGE,
        /** The identity on file has no Zalo user id. */
        NO_RECIPIENT
    }

    private final RegisterStore store;
    private final SecretBox secretBox;
    private final AuditLog audit;
    private final Clock clock;

    ReporterNotices(RegisterStore store, SecretBox secretBox, AuditLog audit, Clock clock) {
        this.store = store;
        this.secretBox = secretBox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The Zalo user id sealed with the reporter's identity, if any; the reveal is audited. */
    @Transactional
    public Optional<String> zaloRecipient(long tipId, String noticeKey) {
        var sealed = store.sealedIdentity(tipId);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        String userId = IdentityCodec.decode(secretBox.open(sealed.get(), "tip:" + tipId))
                .zaloUserId();
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        audit.record(AuditEntry.bySystem(
                AuditAction.IDENTITY_REVEAL, "tip:" + tipId, "Zalo user id for notice " + noticeKey));
        return Optional.of(userId);
    }

    /** As {@link #zaloOutcome(long, String, ZaloOutcome)}, for a channel that kept only the notice's key. */
    @Transactional
    public void zaloOutcome(String noticeKey, ZaloOutcome outcome) {
        zaloOutcome(ReporterNoticeRequested.tipIdOf(noticeKey), noticeKey, outcome);
    }

    /** Records on the docket what the Zalo channel did with a notice, for the officer to see. */
    @Transactional
    public void zaloOutcome(long tipId, String noticeKey, ZaloOutcome outcome) {
        store.addEvent(
                tipId,
                RegisterStore.NewEvent.of(DocketEventType.NOTICE_ON_ZALO, null, outcome.name() + " " + noticeKey),
                clock.instant());
    }
}
