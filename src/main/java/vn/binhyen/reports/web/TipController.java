package vn.binhyen.reports.web;

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.internal.TipConsole;

/** One tip in the console: its page, and each action as a POST that redirects back (PRG). */
@Controller
@RequestMapping("/console/tips/{id}")
class TipController {

    private final TipConsole console;
    private final Accounts accounts;
    private final String mapTiles;

    TipController(
            TipConsole console,
            Accounts accounts,
            @Value("${binhyen.portal.map-tiles-url:https://tile.openstreetmap.org/{z}/{x}/{y}.png}") String mapTiles) {
        this.console = console;
        this.accounts = accounts;
        this.mapTiles = mapTiles;
    }

    @GetMapping
    String show(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, Model model) {
        model.addAttribute("details", console.details(scope(officer), id));
        model.addAttribute("categories", TipCategory.values());
        model.addAttribute("mapTiles", mapTiles);
        return "reports/tip";
    }

    @PostMapping("/accept")
    String accept(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam TipCategory category,
            RedirectAttributes redirect) {
        console.accept(scope(officer), id, category);
        return done(id, redirect);
    }

    @PostMapping("/assign")
    String assign(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam long officerId,
            RedirectAttributes redirect) {
        console.assign(scope(officer), id, officerId);
        return done(id, redirect);
    }

    @PostMapping("/start")
    String start(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes redirect) {
        console.start(scope(officer), id);
        return done(id, redirect);
    }

    @PostMapping("/resolve")
    String resolve(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String outcome,
            RedirectAttributes redirect) {
        console.resolve(scope(officer), id, outcome);
        return done(id, redirect);
    }

    @PostMapping("/transfer")
    String transfer(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        console.transfer(scope(officer), id, reason);
        return done(id, redirect);
    }

    @PostMapping("/reject")
    String reject(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        console.reject(scope(officer), id, reason);
        return done(id, redirect);
    }

    @PostMapping("/reply")
    String reply(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        console.reply(scope(officer), id, body);
        return done(id, redirect);
    }

    @PostMapping("/notes")
    String note(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        console.note(scope(officer), id, body);
        return done(id, redirect);
    }

    /** Photos are served only through the same scope check as the tip, never from a public path. */
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(
            @AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, @PathVariable long attachmentId) {
        AccessScope scope = scope(officer);
        var info = console.attachmentInfo(scope, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(console.attachment(scope, id, attachmentId));
    }

    private AccessScope scope(SignedInOfficer officer) {
        return accounts.scopeOf(officer);
    }

    private static String done(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", true);
        return "redirect:/console/tips/" + id;
    }
}
