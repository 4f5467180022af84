package vn.binhyen.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.directory.DirectoryChanged;

/** A unit's public contacts and its villages, as residents and officers rely on them: who changed what, and when. */
@Component
class DirectoryAuditor {

    private final AuditLog audit;

    DirectoryAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void directoryChanged(DirectoryChanged change) {
        audit.record(AuditEntry.byOfficer(
                change.byUsername(),
                change.byOfficerId(),
                AuditAction.DIRECTORY_CHANGE,
                change.subject(),
                change.detail()));
    }
}
