package vn.binhyen.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.AttachmentRejectedException;
import vn.binhyen.reports.DocketState;
import vn.binhyen.reports.NewTip;
import vn.binhyen.reports.ReportKind;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.reports.TipWorkflowException;
import vn.binhyen.reports.UnknownPlaceException;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.reports.internal.RegisterExports;
import vn.binhyen.reports.internal.RegisterQuery;
import vn.binhyen.reports.internal.RegisterQuery.ClockFilter;
import vn.binhyen.shared.VietnamTime;

/** The receipt register as a table with the chief's filters, its exports, and entering a report taken in person. */
@Controller
@RequestMapping("/console/register")
class RegisterController {

    /** The channels through which an officer takes a report; resident channels enter themselves. */
    static final List<TipChannel> OFFICER_CHANNELS =
            List.of(TipChannel.WALK_IN, TipChannel.PHONE, TipChannel.AGENCY_PETITION);

    private final RegisterQuery query;
    private final RegisterExports exports;
    private final TipIntake intake;
    private final Accounts accounts;
    private final Directory directory;
    private final Validator validator;
    private final Clock clock;
    private final MessageSource messages;
    private final AuditLog audit;

    RegisterController(
            RegisterQuery query,
            RegisterExports exports,
            TipIntake intake,
            Accounts accounts,
            Directory directory,
            Validator validator,
            Clock clock,
            MessageSource messages,
            AuditLog audit) {
        this.audit = audit;
        this.messages = messages;
        this.query = query;
        this.exports = exports;
        this.intake = intake;
        this.accounts = accounts;
        this.directory = directory;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping
    String register(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(required = false) @Nullable ReportKind kind,
            @RequestParam(required = false) @Nullable DocketState state,
            @RequestParam(required = false) @Nullable ClockFilter clock,
            @RequestParam(required = false) @Nullable Long officerId,
            @RequestParam(required = false) @Nullable Long village,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        AccessScope scope = accounts.scopeOf(officer);
        var filter = new RegisterQuery.Filter(kind, state, clock, officerId, village, from, to, page);
        model.addAttribute("result", query.find(scope, filter));
        audit.record(AuditEntry.byOfficer(
                officer.getUsername(),
                officer.officerId(),
                AuditAction.VIEW,
                "register:" + officer.unitCode(),
                "page " + page));
        model.addAttribute("filter", filter);
        model.addAttribute("now", this.clock.instant());
        if (request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null) {
            return "reports/register :: results";
        }
        model.addAttribute("alerts", query.alerts(scope, 20));
        model.addAttribute("protectionRequests", query.protectionRequestsWaiting(scope, 20));
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("states", DocketState.values());
        model.addAttribute("clocks", ClockFilter.values());
        boolean commune = !scope.seesProvince();
        model.addAttribute(
                "officers",
                commune
                        ? directory.officersOf(officer.unitCode()).stream()
                                .filter(o -> o.role() != OfficerRole.ADMINISTRATOR)
                                .toList()
                        : List.of());
        model.addAttribute("villages", commune ? directory.allVillagesOf(officer.unitCode()) : List.of());
        LocalDate today = LocalDate.now(this.clock.withZone(VietnamTime.ZONE));
        model.addAttribute("exportFrom", today.withDayOfMonth(1));
        model.addAttribute("exportTo", today);
        model.addAttribute("canEnter", commune);
        model.addAttribute("mayExportIdentity", scope.role() == OfficerRole.COMMUNE_CHIEF);
        return "reports/register";
    }

    /** The register of a period (Excel or PDF). A POST with a reason adds identities, for the commune chief only. */
    @RequestMapping(
            path = "/export",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) @Nullable String reason) {
        if (!format.equals("xlsx") && !format.equals("pdf")) {
            throw new TipWorkflowException("register.error.format", "Unknown export format " + format);
        }
        var actor = new Actor(accounts.scopeOf(officer), officer.getUsername());
        return TipController.file(exports.register(actor, from, to, format.equals("pdf"), reason));
    }

    @GetMapping("/new")
    String newEntry(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        requireCommuneOfficer(officer);
        form(officer, model);
        return "reports/register-new";
    }

    /** A report an officer takes in person, by phone or from an agency: entered with them as the receiving officer. */
    @PostMapping("/new")
    String enter(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(required = false) @Nullable TipChannel channel,
            @RequestParam(required = false) @Nullable TipCategory category,
            @RequestParam(required = false) @Nullable Long villageId,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(defaultValue = "false") boolean urgent,
            @RequestParam(required = false) @Nullable String fullName,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String idNumber,
            Model model) {
        requireCommuneOfficer(officer);
        var reporter = new ReporterIdentity(blank(fullName), blank(phone), blank(address), null, blank(idNumber));
        boolean channelOk = channel != null && OFFICER_CHANNELS.contains(channel);
        var tip = new NewTip(
                officer.unitCode(),
                villageId,
                category,
                description,
                null,
                blank(place),
                null,
                null,
                urgent,
                reporter.isEmpty() ? null : reporter,
                channelOk ? channel : TipChannel.WALK_IN,
                List.of());
        List<String> errors = validator.validate(tip).stream()
                .map(ConstraintViolation::getMessage)
                .distinct()
                .toList();
        if (!channelOk) {
            errors = new java.util.ArrayList<>(errors);
            errors.add(0, messages.getMessage("register.new.channel-required", null, LocaleContextHolder.getLocale()));
        }
        if (!errors.isEmpty()) {
            form(officer, model);
            model.addAttribute("errors", errors);
            model.addAttribute("entered", tip);
            return "reports/register-new";
        }
        try {
            intake.submitByOfficer(tip, officer.officerId());
        } catch (UnknownPlaceException | AttachmentRejectedException e) {
            form(officer, model);
            model.addAttribute(
                    "errors",
                    List.of(messages.getMessage("tip.village.unknown", null, LocaleContextHolder.getLocale())));
            return "reports/register-new";
        }
        return "redirect:/console/register";
    }

    private void form(SignedInOfficer officer, Model model) {
        model.addAttribute("channels", OFFICER_CHANNELS);
        model.addAttribute("categories", TipCategory.values());
        model.addAttribute("villages", directory.allVillagesOf(officer.unitCode()));
    }

    private static void requireCommuneOfficer(SignedInOfficer officer) {
        if (officer.role() == OfficerRole.PROVINCE_COMMAND || officer.role() == OfficerRole.ADMINISTRATOR) {
            throw new vn.binhyen.reports.TipNotFoundException();
        }
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
