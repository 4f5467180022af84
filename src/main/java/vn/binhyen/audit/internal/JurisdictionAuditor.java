package vn.binhyen.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.directory.JurisdictionChanged;

/**
 * Who gave a village to which area officer, in the same transaction as the change: it decides who read the village's
 * tips from then on, so it must be answerable afterwards.
 */
@Component
class JurisdictionAuditor {

    private final AuditLog audit;

    JurisdictionAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void jurisdictionChanged(JurisdictionChanged change) {
        audit.record(AuditEntry.byOfficer(
                change.byUsername(),
                change.byOfficerId(),
                AuditAction.JURISDICTION_CHANGE,
                "village:" + change.villageId(),
                "commune %s, officers %s -> %s"
                        .formatted(
                                change.communeCode(),
                                change.officersBefore(),
                                change.officerAfter() == null ? "none" : change.officerAfter())));
    }
}
