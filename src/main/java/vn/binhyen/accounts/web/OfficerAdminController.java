package vn.binhyen.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.NewOfficer;
import vn.binhyen.accounts.OfficerAccountException;
import vn.binhyen.accounts.OfficerAccounts;
import vn.binhyen.accounts.RoleChangeException;
import vn.binhyen.accounts.SecondFactors;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;

/**
 * The administrator's officers of a unit: their roles and sign-ins, adding an officer with a one-time password,
 * resetting a password, deactivating an officer who leaves. Every change is audited; a password is shown once, to be
 * handed over, and never again.
 */
@Controller
class OfficerAdminController {

    /** What the add form holds, to show it again next to its errors. */
    record Form(String fullName, String rank, @Nullable OfficerRole role, String phone, String username) {

        static final Form EMPTY = new Form("", "", null, "", "");
    }

    /** A password to hand over, shown once after it was made. */
    record OneTimePassword(String username, String password) {}

    private final Accounts accounts;
    private final OfficerAccounts officerAccounts;
    private final SecondFactors secondFactors;
    private final Directory directory;
    private final MessageSource messages;

    OfficerAdminController(
            Accounts accounts,
            OfficerAccounts officerAccounts,
            SecondFactors secondFactors,
            Directory directory,
            MessageSource messages) {
        this.accounts = accounts;
        this.officerAccounts = officerAccounts;
        this.secondFactors = secondFactors;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/admin/officers")
    String officers(@RequestParam(defaultValue = "") String unit, Model model) {
        fill(model, unit.strip(), Form.EMPTY, Map.of());
        return "accounts/officers";
    }

    @PostMapping("/admin/officers")
    String add(
            @AuthenticationPrincipal SignedInOfficer admin,
            @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String rank,
            @RequestParam(required = false) @Nullable OfficerRole role,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String username,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Form form = new Form(fullName, rank, role, phone, username);
        try {
            var added = officerAccounts.add(admin, new NewOfficer(unit.strip(), fullName, rank, role, phone, username));
            redirect.addFlashAttribute("password", new OneTimePassword(added.username(), added.password()));
        } catch (OfficerAccountException e) {
            return refused(e, unit.strip(), form, model, response);
        }
        return back(unit);
    }

    @PostMapping("/admin/officers/{id}/password")
    String resetPassword(
            @AuthenticationPrincipal SignedInOfficer admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String unit,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            String password = officerAccounts.resetPassword(admin, id);
            redirect.addFlashAttribute(
                    "password",
                    new OneTimePassword(officerAccounts.usernames(List.of(id)).getOrDefault(id, "?"), password));
        } catch (OfficerAccountException e) {
            return refused(e, unit.strip(), Form.EMPTY, model, response);
        }
        return back(unit);
    }

    @PostMapping("/admin/officers/{id}/second-factor")
    String resetSecondFactor(
            @AuthenticationPrincipal SignedInOfficer admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String unit,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            officerAccounts.resetSecondFactor(admin, id, reason);
            redirect.addFlashAttribute("changed", true);
        } catch (OfficerAccountException e) {
            return refused(e, unit.strip(), Form.EMPTY, model, response);
        }
        return back(unit);
    }

    @PostMapping("/admin/officers/{id}/active")
    String setActive(
            @AuthenticationPrincipal SignedInOfficer admin,
            @PathVariable long id,
            @RequestParam boolean active,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String unit,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            officerAccounts.setActive(admin, id, active, reason);
            redirect.addFlashAttribute("changed", true);
        } catch (OfficerAccountException e) {
            return refused(e, unit.strip(), Form.EMPTY, model, response);
        }
        return back(unit);
    }

    private void fill(Model model, String unit, Form form, Map<String, String> errors) {
        List<OfficerView> officers = unit.isEmpty() ? List.of() : directory.officersOf(unit);
        List<OfficerView> former = unit.isEmpty() ? List.of() : directory.formerOfficersOf(unit);
        var ids = new java.util.ArrayList<Long>();
        officers.forEach(o -> ids.add(o.id()));
        former.forEach(o -> ids.add(o.id()));
        model.addAttribute("unit", unit);
        model.addAttribute("officers", officers);
        model.addAttribute("former", former);
        model.addAttribute("usernames", officerAccounts.usernames(ids));
        model.addAttribute("locked", officerAccounts.lockedNow(ids));
        model.addAttribute("withApp", secondFactors.withApp(ids));
        model.addAttribute("roles", OfficerRole.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    /** The page again, with the refusal next to its field, as a 422: nothing was changed. */
    private String refused(
            OfficerAccountException e, String unit, Form form, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        fill(model, unit, form, Map.of(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale())));
        return "accounts/officers";
    }

    private static String back(String unit) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/admin/officers")
                        .queryParam("unit", unit.strip())
                        .encode()
                        .toUriString();
    }

    @PostMapping("/admin/officers/{id}/role")
    String changeRole(
            @AuthenticationPrincipal SignedInOfficer admin,
            @PathVariable long id,
            @RequestParam OfficerRole role,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String unit,
            RedirectAttributes redirect) {
        accounts.changeRole(admin, id, role, reason);
        redirect.addFlashAttribute("changed", true);
        return back(unit);
    }

    @ExceptionHandler(RoleChangeException.class)
    ModelAndView refused(RoleChangeException e) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("errorMessage", messages.getMessage(e, LocaleContextHolder.getLocale()));
        return page;
    }
}
