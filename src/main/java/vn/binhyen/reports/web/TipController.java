package vn.binhyen.reports.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.reports.ReportKind;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.reports.internal.RegisterExports;
import vn.binhyen.reports.internal.TipConsole;
import vn.binhyen.shared.VietnamTime;

/**
 * One tip in the console: its page with its register line, clocks, decisions and documents, and each action as a
 * POST that redirects back (PRG). Every read and write is checked against the officer's scope by the services and
 * recorded in the audit log.
 */
@Controller
@RequestMapping("/console/tips/{id}")
class TipController {

    private final TipConsole console;
    private final Register register;
    private final RegisterExports exports;
    private final Accounts accounts;
    private final String mapTiles;

    TipController(
            TipConsole console,
            Register register,
            RegisterExports exports,
            Accounts accounts,
            @Value("${binhyen.portal.map-tiles-url:https://tile.openstreetmap.org/{z}/{x}/{y}.png}") String mapTiles) {
        this.mapTiles = mapTiles;
        this.console = console;
        this.register = register;
        this.exports = exports;
        this.accounts = accounts;
    }

    @GetMapping
    String show(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, Model model) {
        Actor actor = actor(officer);
        page(actor, id, model);
        register.viewed(actor, id, "page");
        return "reports/tip";
    }

    /** The identity, shown once on this response after the reason was recorded; never in a redirect or the URL. */
    @PostMapping("/identity")
    String identity(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Model model) {
        Actor actor = actor(officer);
        var identity = register.revealIdentity(actor, id, reason);
        page(actor, id, model);
        model.addAttribute("identity", identity);
        return "reports/tip";
    }

    private void page(Actor actor, long id, Model model) {
        model.addAttribute("details", console.details(actor.scope(), id));
        model.addAttribute("docket", register.details(actor.scope(), id));
        model.addAttribute("categories", TipCategory.values());
        model.addAttribute("mapTiles", mapTiles);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("channels", TipChannel.values());
        model.addAttribute("today", LocalDate.now(VietnamTime.ZONE));
    }

    @PostMapping("/accept")
    String accept(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam TipCategory category,
            RedirectAttributes redirect) {
        console.accept(scope(officer), id, category);
        return done(officer, id, "accept", redirect);
    }

    @PostMapping("/assign")
    String assign(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam long officerId,
            RedirectAttributes redirect) {
        console.assign(scope(officer), id, officerId);
        return done(officer, id, "assign " + officerId, redirect);
    }

    @PostMapping("/start")
    String start(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes redirect) {
        console.start(scope(officer), id);
        return done(officer, id, "start", redirect);
    }

    @PostMapping("/resolve")
    String resolve(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String outcome,
            RedirectAttributes redirect) {
        console.resolve(scope(officer), id, outcome);
        return done(officer, id, "resolve", redirect);
    }

    /** Transfer to the competent body, with a transfer slip (Form 03): the chief decides. */
    @PostMapping("/transfer")
    String transfer(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @Nullable String toBody,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        boolean bodyGiven = toBody != null && !toBody.isBlank();
        register.transfer(actor(officer), id, bodyGiven ? toBody : reason, bodyGiven ? reason : null, date);
        return flashed(id, redirect);
    }

    /** Not actionable: the chief classifies it so, with a reason. Nothing is deleted. */
    @PostMapping("/reject")
    String reject(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        register.classify(actor(officer), id, ReportKind.NOT_ACTIONABLE, reason);
        return flashed(id, redirect);
    }

    @PostMapping("/reply")
    String reply(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        console.reply(scope(officer), id, body);
        return done(officer, id, "reply", redirect);
    }

    @PostMapping("/notes")
    String note(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        console.note(scope(officer), id, body);
        return done(officer, id, "note", redirect);
    }

    @PostMapping("/classify")
    String classify(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam ReportKind kind,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        register.classify(actor(officer), id, kind, reason);
        return flashed(id, redirect);
    }

    @PostMapping("/report-immediately")
    String reportImmediately(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String how,
            RedirectAttributes redirect) {
        register.reportImmediately(actor(officer), id, how);
        return flashed(id, redirect);
    }

    @PostMapping("/resolve-here")
    String resolveHere(
            @AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes redirect) {
        register.startResolution(actor(officer), id);
        return flashed(id, redirect);
    }

    @PostMapping("/extend")
    String extend(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(required = false) @Nullable String decidedBy,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        register.extend(actor(officer), id, until, decidedBy, reason, date);
        return flashed(id, redirect);
    }

    @PostMapping("/extension-requested")
    String extensionRequested(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String procuracy,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        register.extensionRequested(actor(officer), id, procuracy, date);
        return flashed(id, redirect);
    }

    @PostMapping("/extension-not-needed")
    String extensionNotNeeded(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        register.extensionNotNeeded(actor(officer), id, reason);
        return flashed(id, redirect);
    }

    @PostMapping("/suspend")
    String suspend(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String ground,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        register.suspend(actor(officer), id, ground, date);
        return flashed(id, redirect);
    }

    @PostMapping("/resume")
    String resume(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String detail,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        register.resume(actor(officer), id, detail, date);
        return flashed(id, redirect);
    }

    @PostMapping("/decide")
    String decide(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam boolean initiate,
            @RequestParam(defaultValue = "") String grounds,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        register.decide(actor(officer), id, initiate, grounds, date);
        return flashed(id, redirect);
    }

    @PostMapping("/procuracy-notified")
    String procuracyNotified(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam long decision,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        register.procuracyNotified(actor(officer), id, decision, date);
        return flashed(id, redirect);
    }

    @PostMapping("/protection")
    String protection(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        register.requestProtection(actor(officer), id, note);
        return flashed(id, redirect);
    }

    @PostMapping("/protection/forward")
    String forwardProtection(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String recipient,
            RedirectAttributes redirect) {
        register.forwardProtectionRequest(actor(officer), id, recipient);
        return flashed(id, redirect);
    }

    @PostMapping("/correct")
    String correct(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    LocalDateTime receivedAt,
            @RequestParam(required = false) @Nullable TipChannel channel,
            @RequestParam(required = false) @Nullable String summary,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        register.correctEntry(
                actor(officer),
                id,
                receivedAt == null ? null : receivedAt.atZone(VietnamTime.ZONE).toInstant(),
                channel,
                summary,
                reason);
        return flashed(id, redirect);
    }

    /** The receipt record (Form 01). A POST with a reason prints the identity for those who may see it. */
    @RequestMapping(
            path = "/receipt.pdf",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> receiptRecord(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason) {
        return file(exports.receiptRecord(actor(officer), id, reason));
    }

    /** A transfer slip (Form 03). */
    @RequestMapping(
            path = "/slip",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> transferSlip(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam long event,
            @RequestParam(required = false) @Nullable String reason) {
        return file(exports.transferSlip(actor(officer), id, event, reason));
    }

    /** Photos are served only through the same scope check as the tip, never from a public path. */
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(
            @AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, @PathVariable long attachmentId) {
        AccessScope scope = scope(officer);
        var info = console.attachmentInfo(scope, id, attachmentId);
        register.viewed(actor(officer), id, "attachment " + attachmentId + " sha256 " + info.sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(console.attachment(scope, id, attachmentId));
    }

    static ResponseEntity<byte[]> file(RegisterExports.File file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .body(file.content());
    }

    private AccessScope scope(SignedInOfficer officer) {
        return accounts.scopeOf(officer);
    }

    private Actor actor(SignedInOfficer officer) {
        return new Actor(accounts.scopeOf(officer), officer.getUsername());
    }

    private String done(SignedInOfficer officer, long id, String what, RedirectAttributes redirect) {
        register.changed(actor(officer), id, what);
        return flashed(id, redirect);
    }

    private static String flashed(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", true);
        return "redirect:/console/tips/" + id;
    }
}
