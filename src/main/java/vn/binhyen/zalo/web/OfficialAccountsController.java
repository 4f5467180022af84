package vn.binhyen.zalo.web;

import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.zalo.NewOfficialAccount;
import vn.binhyen.zalo.ZaloAccounts;
import vn.binhyen.zalo.ZaloChannelException;

/** Administrators bind each commune police page's OA and connect it; secrets are typed once and shown only masked. */
@Controller
class OfficialAccountsController {

    private final ZaloAccounts accounts;

    OfficialAccountsController(ZaloAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/zalo")
    String list(Model model) {
        model.addAttribute("accounts", accounts.accounts());
        return "zalo/accounts";
    }

    @PostMapping("/admin/zalo")
    String bind(@ModelAttribute BindForm form, RedirectAttributes redirect) {
        accounts.bind(form.toCommand());
        redirect.addFlashAttribute("done", true);
        return "redirect:/admin/zalo";
    }

    /** A plain link, not a form: the redirect leaves for Zalo's consent page, which CSP's form-action would block. */
    @GetMapping("/admin/zalo/{oaId}/connect")
    String connect(@PathVariable String oaId) {
        return "redirect:" + accounts.startConnection(oaId);
    }

    /** The form's fields; blank ones fail the command's validation with a Vietnamese message. */
    record BindForm(String communeCode, String oaId, String appId, String name, String appSecret, String oaSecretKey) {
        NewOfficialAccount toCommand() {
            return new NewOfficialAccount(
                    strip(communeCode), strip(oaId), strip(appId), strip(name), strip(appSecret), strip(oaSecretKey));
        }

        private static String strip(String value) {
            return value == null ? "" : value.strip();
        }

        @Override
        public String toString() {
            return "BindForm[" + oaId + "]";
        }
    }

    @ExceptionHandler(ConstraintViolationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(ConstraintViolationException e, Model model) {
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute(
                "errors",
                e.getConstraintViolations().stream()
                        .map(v -> v.getMessage())
                        .distinct()
                        .toList());
        return "zalo/accounts";
    }

    @ExceptionHandler(ZaloChannelException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(ZaloChannelException e, Model model) {
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("errorKey", e.messageKey());
        return "zalo/accounts";
    }
}
