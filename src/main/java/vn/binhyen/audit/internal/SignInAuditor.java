package vn.binhyen.audit.internal;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
                    officer.role().name() + " " + officer.unitCode() + factors(event.getAuthentication())));
        }
    }

    /** The factors passed so far (", password", ", password+totp"): the second factor's step is a sign-in of its own. */
    private static String factors(Authentication authentication) {
        String factors = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("FACTOR_"))
                .map(a -> a.substring("FACTOR_".length()).toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining("+"));
        return factors.isEmpty() ? "" : ", " + factors;
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
