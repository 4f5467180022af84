package vn.binhyen.insights.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.insights.internal.Boundaries;
import vn.binhyen.insights.internal.RollupStore;

/** The administrator's insights page: rebuild every rollup from the raw data, import unit boundaries. */
@Controller
class InsightsAdminController {

    private final RollupStore rollups;
    private final Boundaries boundaries;
    private final AuditLog audit;

    InsightsAdminController(RollupStore rollups, Boundaries boundaries, AuditLog audit) {
        this.rollups = rollups;
        this.boundaries = boundaries;
        this.audit = audit;
    }

    @GetMapping("/admin/insights")
    String page(Model model) {
        return "insights/admin";
    }

    @PostMapping("/admin/insights/rebuild")
    String rebuild(@AuthenticationPrincipal SignedInOfficer officer, RedirectAttributes redirect) {
        long rows = rollups.rebuild();
        audit.record(AuditEntry.byOfficer(
                officer.getUsername(), officer.officerId(), AuditAction.CHANGE, "insights:rollups", "rebuilt"));
        redirect.addFlashAttribute("rebuilt", rows);
        return "redirect:/admin/insights";
    }

    @PostMapping("/admin/insights/boundaries")
    String boundaries(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            int imported = boundaries.importFile(
                    in, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
            redirect.addFlashAttribute("imported", imported);
        }
        return "redirect:/admin/insights";
    }
}
