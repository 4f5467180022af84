package vn.binhyen.knowledge.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.knowledge.internal.CatalogueStore;
import vn.binhyen.knowledge.internal.Editor;
import vn.binhyen.knowledge.internal.Editorial;
import vn.binhyen.knowledge.internal.EditorialException;
import vn.binhyen.knowledge.internal.EntryNotFoundException;
import vn.binhyen.knowledge.internal.Topic;

/**
 * Officers keep the catalogue: propose a change or a new answer, and (commune chief, province command) approve or
 * reject someone else's proposal. Residents see a change only once it is approved.
 */
@Controller
class ConsolePages {

    private static final String BASE = "/console/hoi-dap";

    private final CatalogueStore store;
    private final Editorial editorial;

    ConsolePages(CatalogueStore store, Editorial editorial) {
        this.store = store;
        this.editorial = editorial;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        model.addAttribute("entries", store.latestRevisions());
        model.addAttribute("pending", store.pendingReview());
        model.addAttribute("mayApprove", editor(officer).mayApprove());
        model.addAttribute("form", new EntryForm());
        model.addAttribute("topics", Topic.values());
        return "knowledge/console-list";
    }

    @GetMapping(BASE + "/muc/{slug}")
    String entry(@PathVariable String slug, Model model) {
        var history = store.history(slug);
        if (history.isEmpty()) {
            throw new EntryNotFoundException(slug);
        }
        model.addAttribute("slug", slug);
        model.addAttribute("history", history);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", EntryForm.of(history.getFirst().content()));
        }
        return "knowledge/console-entry";
    }

    @PostMapping(BASE + "/muc/{slug}")
    String propose(
            @PathVariable String slug,
            @ModelAttribute("form") EntryForm form,
            @AuthenticationPrincipal SignedInOfficer officer,
            RedirectAttributes redirect) {
        try {
            editorial.propose(slug, form.content(), form.getChangeNote(), editor(officer));
            redirect.addFlashAttribute("notice", "knowledge.console.proposed");
        } catch (EditorialException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:" + BASE + "/muc/" + slug;
    }

    @PostMapping(BASE + "/moi")
    String proposeAnswer(
            @ModelAttribute("form") EntryForm form,
            @AuthenticationPrincipal SignedInOfficer officer,
            RedirectAttributes redirect) {
        try {
            String slug = editorial.proposeAnswer(form.getTopic(), form.content(), editor(officer));
            redirect.addFlashAttribute("notice", "knowledge.console.proposed");
            return "redirect:" + BASE + "/muc/" + slug;
        } catch (EditorialException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
            return "redirect:" + BASE;
        }
    }

    @PostMapping(BASE + "/phien-ban/{revisionId}/duyet")
    String approve(
            @PathVariable long revisionId,
            @AuthenticationPrincipal SignedInOfficer officer,
            RedirectAttributes redirect) {
        try {
            editorial.approve(revisionId, editor(officer));
            redirect.addFlashAttribute("notice", "knowledge.console.approved");
        } catch (EditorialException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/phien-ban/{revisionId}/tu-choi")
    String reject(
            @PathVariable long revisionId,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInOfficer officer,
            RedirectAttributes redirect) {
        try {
            editorial.reject(revisionId, reason, editor(officer));
            redirect.addFlashAttribute("notice", "knowledge.console.rejected");
        } catch (EditorialException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:" + BASE;
    }

    private static Editor editor(SignedInOfficer officer) {
        return new Editor(officer.officerId(), officer.fullName(), officer.role());
    }
}
