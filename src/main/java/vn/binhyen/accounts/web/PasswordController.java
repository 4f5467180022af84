package vn.binhyen.accounts.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhyen.accounts.OfficerAccountException;
import vn.binhyen.accounts.OfficerAccounts;
import vn.binhyen.accounts.SignedInOfficer;

/**
 * An officer sets their own password: required after an administrator made one, open to anyone any time. Afterwards
 * the officer signs in again with it, and any other session of theirs ends.
 */
@Controller
class PasswordController {

    private final OfficerAccounts accounts;
    private final MessageSource messages;

    PasswordController(OfficerAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        model.addAttribute("required", officer.mustChangePassword());
        model.addAttribute("minLength", OfficerAccounts.MIN_OWN_PASSWORD);
        model.addAttribute("errors", Map.of());
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String change(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String chosen,
            @RequestParam(defaultValue = "") String repeated,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws ServletException {
        try {
            accounts.changeOwnPassword(officer, current, chosen, repeated);
        } catch (OfficerAccountException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("required", officer.mustChangePassword());
            model.addAttribute("minLength", OfficerAccounts.MIN_OWN_PASSWORD);
            model.addAttribute("errors", Map.of(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale())));
            return "accounts/password";
        }
        request.logout();
        return "redirect:/login?changed";
    }
}
