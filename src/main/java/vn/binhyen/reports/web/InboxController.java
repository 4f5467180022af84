package vn.binhyen.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.reports.internal.InboxFilter;
import vn.binhyen.reports.internal.InboxQuery;
import vn.binhyen.reports.internal.RegisterQuery;
import vn.binhyen.reports.internal.UnitOverviewQuery;

/** The officer inbox (page and htmx fragment share one handler), the live badge and the unit overview. */
@Controller
class InboxController {

    private final InboxQuery inbox;
    private final UnitOverviewQuery overview;
    private final Accounts accounts;
    private final Directory directory;
    private final RegisterQuery register;
    private final AuditLog audit;

    InboxController(
            InboxQuery inbox,
            UnitOverviewQuery overview,
            Accounts accounts,
            Directory directory,
            RegisterQuery register,
            AuditLog audit) {
        this.audit = audit;
        this.register = register;
        this.inbox = inbox;
        this.overview = overview;
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/console")
    String inbox(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable TipCategory category,
            @RequestParam(required = false) @Nullable Long village,
            @RequestParam(defaultValue = "false") boolean urgent,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        AccessScope scope = accounts.scopeOf(officer);
        TipStatus exactStatus = parseStatus(status);
        boolean openOnly = status == null || status.isBlank() || "OPEN".equals(status);
        var filter = new InboxFilter(q, exactStatus, openOnly, category, village, urgent, mine, page);
        model.addAttribute("result", inbox.find(scope, filter));
        // Who read which page of the inbox; the search words are not recorded (they may name a person).
        audit.record(AuditEntry.byOfficer(
                officer.getUsername(),
                officer.officerId(),
                AuditAction.VIEW,
                "inbox:" + officer.unitCode(),
                "page " + page + (q == null || q.isBlank() ? "" : ", search")));
        model.addAttribute("filter", filter);
        model.addAttribute("statusParam", exactStatus == null ? (openOnly ? "OPEN" : "ALL") : exactStatus.name());
        if (request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null) {
            return "reports/inbox :: results";
        }
        model.addAttribute("overdue", register.overdueCount(scope));
        model.addAttribute("statuses", TipStatus.values());
        model.addAttribute("categories", TipCategory.values());
        model.addAttribute(
                "villages",
                scope.isAreaOfficer()
                        ? directory.allVillagesOf(officer.unitCode()).stream()
                                .filter(v -> scope.villageIds().contains(v.id()))
                                .toList()
                        : scope.seesProvince() ? java.util.List.of() : directory.allVillagesOf(officer.unitCode()));
        return "reports/inbox";
    }

    @GetMapping("/console/badge")
    String badge(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        model.addAttribute("waiting", inbox.waitingCount(accounts.scopeOf(officer)));
        return "reports/inbox :: badge";
    }

    @GetMapping("/console/overview")
    String overview(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        AccessScope scope = accounts.scopeOf(officer);
        var communes = scope.seesProvince()
                ? directory.communeCodesOf(officer.provinceCode())
                : java.util.Set.of(officer.unitCode());
        model.addAttribute(
                "unitFigures",
                directory.figures(communes, scope.isAreaOfficer() ? scope.villageIds() : java.util.Set.of()));
        model.addAttribute("tipFigures", overview.figures(scope));
        model.addAttribute("statuses", TipStatus.values());
        return "reports/overview";
    }

    private static @Nullable TipStatus parseStatus(@Nullable String status) {
        if (status == null || status.isBlank() || "OPEN".equals(status) || "ALL".equals(status)) {
            return null;
        }
        try {
            return TipStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
