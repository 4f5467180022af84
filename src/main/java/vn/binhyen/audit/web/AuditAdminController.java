package vn.binhyen.audit.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;

/** The administrator's page: the latest entries, and a button that verifies the whole chain. */
@Controller
class AuditAdminController {

    private final AuditLog audit;

    AuditAdminController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(Model model) {
        model.addAttribute("entries", audit.latest(100));
        return "audit/audit";
    }

    @PostMapping("/admin/audit/verify")
    String verify(@AuthenticationPrincipal SignedInOfficer admin, Model model) {
        var result = audit.verify();
        audit.record(AuditEntry.byOfficer(
                admin.getUsername(),
                admin.officerId(),
                AuditAction.VERIFY,
                "audit-chain",
                result.intact() ? "intact" : "broken at " + result.firstBrokenId()));
        model.addAttribute("verification", result);
        model.addAttribute("entries", audit.latest(100));
        return "audit/audit";
    }
}
