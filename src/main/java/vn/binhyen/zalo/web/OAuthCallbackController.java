package vn.binhyen.zalo.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.binhyen.zalo.ZaloAccounts;
import vn.binhyen.zalo.ZaloChannelException;
import vn.binhyen.zalo.internal.ZaloUnreachableException;

/**
 * Where Zalo sends the OA admin back after consent. The single-use state, not a session, says which connection this
 * completes, so the callback works whichever node receives it.
 */
@Controller
class OAuthCallbackController {

    private final ZaloAccounts accounts;

    OAuthCallbackController(ZaloAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(ZaloAccounts.CALLBACK_PATH)
    String callback(
            @RequestParam(name = "code", defaultValue = "") String code,
            @RequestParam(name = "state", defaultValue = "") String state,
            @RequestParam(name = "oa_id", defaultValue = "") String oaId,
            Model model) {
        if (code.isBlank() || state.isBlank() || code.length() > 512 || state.length() > 64) {
            throw new ZaloChannelException("zalo.connect.expired", "Callback without code or state");
        }
        String connected = accounts.finishConnection(state, code, oaId);
        model.addAttribute("oaId", connected);
        return "zalo/callback";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ZaloChannelException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(ZaloChannelException e, Model model) {
        model.addAttribute("failureKey", e.messageKey());
        return "zalo/callback";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ZaloUnreachableException.class)
    @ResponseStatus(HttpStatus.BAD_GATEWAY)
    String unreachable(Model model) {
        model.addAttribute("failureKey", "zalo.connect.unreachable");
        return "zalo/callback";
    }
}
