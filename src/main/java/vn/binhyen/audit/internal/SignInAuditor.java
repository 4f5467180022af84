package vn.binhyen.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;

/** Sign-ins and failed attempts, from Spring Security's own events: nothing in accounts has to remember to call us. */
@Component
class SignInAuditor {

    private final AuditLog audit;

    SignInAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInOfficer officer) {
            audit.record(new AuditEntry(
                    officer.getUsername(),
                    officer.officerId(),
                    AuditAction.SIGN_IN,
                    "officer:" + officer.officerId(),
                    officer.role().name() + " " + officer.unitCode()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        String shown = name.length() > 64 ? name.substring(0, 64) : name;
        audit.record(new AuditEntry(
                shown,
                null,
                AuditAction.SIGN_IN_FAILED,
                null,
                event.getException().getClass().getSimpleName()));
    }
}
