package vn.binhyen.accounts.web;

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
import vn.binhyen.accounts.RoleChangeException;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/** The administrator's list of a unit's officers and their roles; every role change is audited. */
@Controller
class OfficerAdminController {

    private final Accounts accounts;
    private final Directory directory;
    private final MessageSource messages;

    OfficerAdminController(Accounts accounts, Directory directory, MessageSource messages) {
        this.accounts = accounts;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/admin/officers")
    String officers(@RequestParam(defaultValue = "") String unit, Model model) {
        String code = unit.strip();
        model.addAttribute("unit", code);
        model.addAttribute("officers", code.isEmpty() ? java.util.List.of() : directory.officersOf(code));
        model.addAttribute("roles", OfficerRole.values());
        return "accounts/officers";
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
        return "redirect:"
                + UriComponentsBuilder.fromPath("/admin/officers")
                        .queryParam("unit", unit)
                        .encode()
                        .toUriString();
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
