package vn.binhyen.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.OfficerRoleChanged;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;

/** Role changes, in the same transaction as the change: no change without its entry, no entry without the change. */
@Component
class RoleChangeAuditor {

    private final AuditLog audit;

    RoleChangeAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void roleChanged(OfficerRoleChanged change) {
        audit.record(AuditEntry.byOfficer(
                change.byUsername(),
                change.byOfficerId(),
                AuditAction.ROLE_CHANGE,
                "officer:" + change.officerId(),
                change.from() + " -> " + change.to() + ": " + change.reason()));
    }
}
