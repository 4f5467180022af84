package vn.binhyen.accounts.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.RegisterSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhyen.accounts.OfficerAccountException;
import vn.binhyen.accounts.SecondFactors;
import vn.binhyen.accounts.SecondFactors.Step;
import vn.binhyen.accounts.SignedInOfficer;

/**
 * The second factor: the code asked after the password ({@code /login/code}), and an officer's own app
 * ({@code /account/two-factor}): adding one (scan the QR code, type its first code, keep the recovery codes), new
 * recovery codes, removing it for a new phone.
 */
@Controller
class SecondFactorController {

    /** The key shown to the officer, kept in the session until the app's first code proves it arrived. */
    private static final String NEW_KEY = SecondFactorController.class.getName() + ".newKey";

    private final SecondFactors factors;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SessionAuthenticationStrategy newSession;
    private final RequestCache askedFor = new HttpSessionRequestCache();

    SecondFactorController(
            SecondFactors factors, ApplicationEventPublisher events, MessageSource messages, SessionRegistry sessions) {
        this.factors = factors;
        // As the password's sign-in does: a new session id, registered so that the session can be ended on every node.
        this.newSession = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new RegisterSessionAuthenticationStrategy(sessions)));
        this.events = events;
        this.messages = messages;
    }

    @GetMapping("/login/code")
    String codeForm(Authentication authentication) {
        return switch (factors.stepOf(authentication)) {
            case CODE -> "accounts/code";
            case ADD_APP -> "redirect:/account/two-factor";
            case DONE -> "redirect:/console";
        };
    }

    @PostMapping("/login/code")
    String code(
            Authentication authentication,
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws ServletException {
        if (factors.stepOf(authentication) != Step.CODE) {
            return codeForm(authentication);
        }
        return switch (factors.check(officer, code)) {
            case APP_CODE -> {
                passed(authentication, request, response);
                // The page the officer asked for before signing in (SecondFactorGate kept it), or the inbox.
                SavedRequest asked = askedFor.getRequest(request, response);
                askedFor.removeRequest(request, response);
                yield "redirect:" + (asked == null ? "/console" : asked.getRedirectUrl());
            }
            case RECOVERY_CODE -> {
                passed(authentication, request, response);
                yield "redirect:/account/two-factor?recovery";
            }
            case LOCKED -> {
                request.logout();
                yield "redirect:/login?locked";
            }
            case WRONG -> {
                // Counted with wrong passwords (SignInLockout) and audited as a failed sign-in (SignInAuditor).
                events.publishEvent(
                        new AuthenticationFailureBadCredentialsEvent(authentication, new WrongSecondFactor()));
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute(
                        "error", messages.getMessage("login.code.wrong", null, LocaleContextHolder.getLocale()));
                yield "accounts/code";
            }
        };
    }

    @GetMapping("/account/two-factor")
    String app(@AuthenticationPrincipal SignedInOfficer officer, HttpSession session, Model model) {
        return page(officer, session, model, Map.of());
    }

    @PostMapping("/account/two-factor")
    String add(
            Authentication authentication,
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        if (!(session.getAttribute(NEW_KEY) instanceof byte[] key)) {
            return "redirect:/account/two-factor";
        }
        try {
            List<String> recovery = factors.add(officer, key, code);
            session.removeAttribute(NEW_KEY);
            // Typing the app's code just now proved the officer has it: this session has the second factor.
            passed(authentication, request, response);
            return recoveryCodes(recovery, true, model);
        } catch (OfficerAccountException e) {
            return refused(e, officer, session, model, response);
        }
    }

    @PostMapping("/account/two-factor/recovery-codes")
    String renewRecoveryCodes(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(defaultValue = "") String code,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        try {
            return recoveryCodes(factors.renewRecoveryCodes(officer, code), false, model);
        } catch (OfficerAccountException e) {
            return refused(e, officer, session, model, response);
        }
    }

    @PostMapping("/account/two-factor/remove")
    String remove(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(defaultValue = "") String code,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        try {
            factors.remove(officer, code);
        } catch (OfficerAccountException e) {
            return refused(e, officer, session, model, response);
        }
        return "redirect:/account/two-factor?removed";
    }

    private String page(SignedInOfficer officer, HttpSession session, Model model, Map<String, String> errors) {
        var status = factors.status(officer.officerId());
        model.addAttribute("status", status);
        model.addAttribute("required", factors.required());
        model.addAttribute("errors", errors);
        if (!status.added()) {
            byte[] key = session.getAttribute(NEW_KEY) instanceof byte[] kept ? kept : factors.newKey();
            session.setAttribute(NEW_KEY, key);
            model.addAttribute("typedKey", SecondFactors.typedKey(key));
            model.addAttribute("qrImage", SecondFactors.qrImage(officer.getUsername(), key));
        }
        return "accounts/two-factor";
    }

    private String refused(
            OfficerAccountException e,
            SignedInOfficer officer,
            HttpSession session,
            Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(
                officer, session, model, Map.of(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale())));
    }

    private static String recoveryCodes(List<String> codes, boolean appAdded, Model model) {
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("appAdded", appAdded);
        return "accounts/recovery-codes";
    }

    /**
     * The session gains the second factor: a new session id (what the session may do has grown, so an id that leaked
     * before is worth nothing) and the authentication with the factor, saved in the session and announced as a sign-in
     * (the audit log, the lockout's count cleared).
     */
    private Authentication passed(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        Authentication withFactor = authentication.toBuilder()
                .authorities(authorities -> authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactors.FACTOR)))
                .build();
        newSession.onAuthentication(withFactor, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(withFactor);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new AuthenticationSuccessEvent(withFactor));
        return withFactor;
    }

    /** A wrong code of the second factor, as the audit log names the failed attempt. */
    static final class WrongSecondFactor extends BadCredentialsException {
        WrongSecondFactor() {
            super("Wrong second-factor code");
        }
    }
}
