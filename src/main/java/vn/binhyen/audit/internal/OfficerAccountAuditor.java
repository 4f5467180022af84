package vn.binhyen.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.OfficerAccountChanged;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;

/** Accounts added, passwords reset, officers deactivated or back: who did it, in the same transaction. */
@Component
class OfficerAccountAuditor {

    private final AuditLog audit;

    OfficerAccountAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void accountChanged(OfficerAccountChanged change) {
        audit.record(AuditEntry.byOfficer(
                change.byUsername(),
                change.byOfficerId(),
                AuditAction.ACCOUNT_CHANGE,
                "officer:" + change.officerId(),
                change.change() + ": " + change.detail()));
    }
}
