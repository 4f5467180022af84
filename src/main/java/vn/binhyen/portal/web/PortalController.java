package vn.binhyen.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.bulletins.Bulletins;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.AttachmentPolicy;
import vn.binhyen.reports.AttachmentRejectedException;
import vn.binhyen.reports.NewTip;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipReceipt;
import vn.binhyen.reports.TipWorkflowException;
import vn.binhyen.reports.UnknownPlaceException;

/** The resident's pages: no sign-in, light, in Vietnamese. */
@Controller
class PortalController {

    /** Tip codes the resident has opened in this browser session, with their secrets (never in a URL). */
    static final String OPENED_TIPS = "openedTips";

    private final Directory directory;
    private final Bulletins bulletins;
    private final org.springframework.context.MessageSource messages;
    private final TipIntake intake;
    private final AttachmentPolicy attachments;
    private final PortalProperties properties;
    private final Clock clock;

    PortalController(
            Directory directory,
            Bulletins bulletins,
            org.springframework.context.MessageSource messages,
            TipIntake intake,
            AttachmentPolicy attachments,
            PortalProperties properties,
            Clock clock) {
        this.directory = directory;
        this.bulletins = bulletins;
        this.messages = messages;
        this.intake = intake;
        this.attachments = attachments;
        this.properties = properties;
        this.clock = clock;
    }

    @InitBinder("tipForm")
    void tipFormBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id", "*.id");
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("communes", directory.communesInService());
        return "portal/home";
    }

    @GetMapping("/x/{communeCode}")
    String commune(@PathVariable String communeCode, Model model) {
        CommuneView commune = commune(communeCode);
        model.addAttribute("commune", commune);
        model.addAttribute("villages", directory.villagesOf(commune.code()));
        model.addAttribute("bulletins", bulletins.forCommune(commune.code(), 20));
        model.addAttribute("now", clock.instant());
        return "portal/commune";
    }

    @GetMapping("/x/{communeCode}/bao-tin")
    String tipForm(
            @PathVariable String communeCode,
            @RequestParam(name = "banTin", required = false) Long bulletinId,
            Model model,
            java.util.Locale locale) {
        TipForm form = new TipForm();
        if (bulletinId != null) {
            // "Report a sighting" from a bulletin: the form starts with a line saying which bulletin it is about.
            bulletins
                    .published(bulletinId)
                    .ifPresent(b -> form.setDescription(
                            messages.getMessage("portal.bulletin.regarding", new Object[] {b.title()}, locale)));
        }
        model.addAttribute("tipForm", form);
        return tipFormPage(commune(communeCode), model);
    }

    @PostMapping("/x/{communeCode}/bao-tin")
    String submitTip(
            @PathVariable String communeCode,
            @Valid @ModelAttribute("tipForm") TipForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CommuneView commune = commune(communeCode);
        Instant occurredAt = parseOccurredAt(form, errors);
        var photos = TipRequests.attachments(form.getPhotos());
        if (!errors.hasFieldErrors("photos")) {
            try {
                attachments.check(photos);
            } catch (AttachmentRejectedException e) {
                errors.rejectValue("photos", e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        if (errors.hasErrors()) {
            return tipFormPage(commune, model);
        }
        ReporterIdentity reporter =
                form.isAnonymous() ? null : new ReporterIdentity(form.getFullName(), form.getPhone());
        TipReceipt receipt;
        try {
            receipt = intake.submit(new NewTip(
                    commune.code(),
                    form.getVillageId(),
                    form.getCategory(),
                    form.getDescription(),
                    occurredAt,
                    form.getPlace(),
                    form.getLatitude(),
                    form.getLongitude(),
                    form.isUrgent(),
                    reporter,
                    TipChannel.PORTAL,
                    photos));
        } catch (UnknownPlaceException e) {
            errors.rejectValue("villageId", e.messageKey());
            return tipFormPage(commune, model);
        }
        redirect.addFlashAttribute("receipt", receipt);
        return "redirect:/x/" + commune.code() + "/bao-tin/da-nhan";
    }

    @GetMapping("/x/{communeCode}/bao-tin/da-nhan")
    String receipt(@PathVariable String communeCode, Model model) {
        if (!model.containsAttribute("receipt")) {
            return "redirect:/tra-cuu";
        }
        model.addAttribute("commune", commune(communeCode));
        return "portal/receipt";
    }

    @GetMapping("/tra-cuu")
    String trackForm() {
        return "portal/track";
    }

    @PostMapping("/tra-cuu")
    String track(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String secret,
            HttpSession session,
            Model model) {
        try {
            var view = intake.residentView(code, secret);
            openedTips(session).put(view.code(), secret);
            return "redirect:/tra-cuu/" + view.code();
        } catch (TipNotFoundException e) {
            model.addAttribute("notFound", true);
            model.addAttribute("code", code);
            return "portal/track";
        }
    }

    @GetMapping("/tra-cuu/{code}")
    String tipStatus(@PathVariable String code, HttpSession session, Model model) {
        String secret = openedTips(session).get(code);
        if (secret == null) {
            return "redirect:/tra-cuu";
        }
        return statusPage(code, secret, model);
    }

    @PostMapping("/tra-cuu/{code}/tin-nhan")
    String residentMessage(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String body,
            HttpSession session,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String secret = openedTips(session).get(code);
        if (secret == null) {
            return "redirect:/tra-cuu";
        }
        try {
            intake.addResidentMessage(code, secret, body);
        } catch (TipWorkflowException e) {
            return refusedOnStatusPage(code, secret, "message", body, e, model, response);
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/tra-cuu/" + code;
    }

    /** The reporter asks for protection (CPC Art. 484) with the code and secret they opened the page with. */
    @PostMapping("/tra-cuu/{code}/bao-ve")
    String requestProtection(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String note,
            HttpSession session,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String secret = openedTips(session).get(code);
        if (secret == null) {
            return "redirect:/tra-cuu";
        }
        try {
            intake.requestProtection(code, secret, note);
        } catch (TipWorkflowException e) {
            return refusedOnStatusPage(code, secret, "protection", note, e, model, response);
        }
        redirect.addFlashAttribute("protectionSent", true);
        return "redirect:/tra-cuu/" + code;
    }

    /**
     * A message or a protection request the reports module refused (empty, too long, an anonymous tip): the status
     * page again with 400, the sentence next to the form and what the resident wrote still in it. An error page in
     * its place lost the text.
     */
    private String refusedOnStatusPage(
            String code,
            String secret,
            String form,
            String draft,
            TipWorkflowException refusal,
            Model model,
            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute(form + "Draft", draft);
        model.addAttribute(
                form + "Error",
                messages.getMessage(
                        refusal.messageKey(),
                        refusal.arguments(),
                        refusal.messageKey(),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return statusPage(code, secret, model);
    }

    private String statusPage(String code, String secret, Model model) {
        var view = intake.residentView(code, secret);
        model.addAttribute("tip", view);
        model.addAttribute("commune", directory.commune(view.communeCode()).orElse(null));
        return "portal/status";
    }

    @PostMapping("/tra-cuu/thoat")
    String forget(HttpSession session) {
        session.removeAttribute(OPENED_TIPS);
        return "redirect:/tra-cuu";
    }

    private String tipFormPage(CommuneView commune, Model model) {
        model.addAttribute("commune", commune);
        model.addAttribute("villages", directory.villagesOf(commune.code()));
        model.addAttribute("categories", vn.binhyen.reports.TipCategory.values());
        model.addAttribute("maxPhotos", attachments.maxFiles());
        model.addAttribute("maxPhotoMegabytes", attachments.maxBytes() / (1024 * 1024));
        model.addAttribute("mapTiles", properties.mapTilesUrl());
        return "portal/tip-form";
    }

    private @org.jspecify.annotations.Nullable Instant parseOccurredAt(TipForm form, BindingResult errors) {
        try {
            return TipRequests.occurredAt(form.getOccurredAt(), clock.instant());
        } catch (TipRequests.OccurredAtRejectedException e) {
            errors.rejectValue("occurredAt", e.messageKey());
            return null;
        }
    }

    private CommuneView commune(String code) {
        return directory.commune(code).orElseThrow(PageNotFoundException::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> openedTips(HttpSession session) {
        Object opened = session.getAttribute(OPENED_TIPS);
        if (opened instanceof Map<?, ?> map) {
            return (Map<String, String>) map;
        }
        Map<String, String> fresh = new HashMap<>();
        session.setAttribute(OPENED_TIPS, fresh);
        return fresh;
    }
}
