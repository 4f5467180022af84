package vn.binhyen.audit.internal;

import java.time.format.DateTimeFormatter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.directory.DutyRosterChanged;
import vn.binhyen.shared.VietnamTime;

/**
 * Duty roster changes, in the same transaction as the change: the roster decides who gets urgent alerts, so who changed
 * it and when must be answerable afterwards.
 */
@Component
class DutyRosterAuditor {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VietnamTime.ZONE);

    private final AuditLog audit;

    DutyRosterAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void rosterChanged(DutyRosterChanged change) {
        String villages = change.villageIds().isEmpty() ? "whole commune" : "villages " + change.villageIds();
        audit.record(AuditEntry.byOfficer(
                change.byUsername(),
                change.byOfficerId(),
                AuditAction.ROSTER_CHANGE,
                "duty-shift:" + change.shiftId(),
                "%s: commune %s, officer %d, %s – %s, %s"
                        .formatted(
                                change.change(),
                                change.communeCode(),
                                change.officerId(),
                                TIME.format(change.startsAt()),
                                TIME.format(change.endsAt()),
                                villages)));
    }
}
