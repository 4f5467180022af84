package vn.binhyen.conversations.web;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.conversations.ConversationNotFoundException;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.conversations.internal.TipMaker;
import vn.binhyen.reports.TipCategory;

/** The officer inbox for residents' messages: list, thread (its message list polls), reply. */
@Controller
class ConversationController {

    private final ConversationConsole console;
    private final TipMaker tips;
    private final Accounts accounts;
    private final AuditLog audit;

    ConversationController(ConversationConsole console, TipMaker tips, Accounts accounts, AuditLog audit) {
        this.audit = audit;
        this.console = console;
        this.tips = tips;
        this.accounts = accounts;
    }

    @GetMapping("/console/conversations")
    String inbox(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(name = "kind", required = false) ThreadKind kind,
            Model model) {
        model.addAttribute("threads", console.inbox(accounts.scopeOf(officer), kind));
        model.addAttribute("kind", kind);
        return "conversations/inbox";
    }

    @GetMapping("/console/conversations/{id}")
    String thread(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var scope = accounts.scopeOf(officer);
        if (htmx != null) {
            model.addAttribute("messages", console.messages(scope, id));
            model.addAttribute("threadId", id);
            return "conversations/thread :: messages";
        }
        var view = console.thread(scope, id);
        // A thread holds a resident's messages and, when shared, their contact card: every opening is audited.
        audit.record(AuditEntry.byOfficer(
                officer.getUsername(),
                officer.officerId(),
                AuditAction.VIEW,
                "conversation:" + id,
                view.hasContactCard() ? "thread with contact card" : "thread"));
        model.addAttribute("view", view);
        model.addAttribute("messages", view.messages());
        model.addAttribute("threadId", id);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("tipFormKey", UUID.randomUUID().toString());
        model.addAttribute("categories", TipCategory.values());
        return "conversations/thread";
    }

    @PostMapping("/console/conversations/{id}/replies")
    String reply(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(name = "formKey", defaultValue = "") String formKey,
            @RequestParam(name = "entryId", required = false) Long entryId,
            RedirectAttributes redirect) {
        try {
            console.reply(accounts.scopeOf(officer), id, text, formKey, entryId);
            redirect.addFlashAttribute("queued", true);
        } catch (ReplyRejectedException e) {
            redirect.addFlashAttribute("replyError", e.messageKey());
            redirect.addFlashAttribute("draft", text.length() > 4000 ? text.substring(0, 4000) : text);
        }
        return "redirect:/console/conversations/" + id;
    }

    /** One click on a suggestion: the entry's answer goes to the resident as the knowledge base wrote it. */
    @PostMapping("/console/conversations/{id}/suggestions/{entryId}")
    String sendSuggestion(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @PathVariable long entryId,
            @RequestParam(name = "formKey", defaultValue = "") String formKey,
            RedirectAttributes redirect) {
        try {
            console.replyWithEntry(accounts.scopeOf(officer), id, entryId, formKey);
            redirect.addFlashAttribute("queued", true);
        } catch (ReplyRejectedException e) {
            redirect.addFlashAttribute("replyError", e.messageKey());
        }
        return "redirect:/console/conversations/" + id;
    }

    @PostMapping("/console/conversations/{id}/village")
    String village(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(name = "villageId", required = false) Long villageId,
            RedirectAttributes redirect) {
        try {
            console.setVillage(accounts.scopeOf(officer), id, villageId);
            redirect.addFlashAttribute("notice", "conversations.village.saved");
        } catch (ReplyRejectedException e) {
            redirect.addFlashAttribute("replyError", e.messageKey());
        }
        return afterChange(officer, id);
    }

    @PostMapping("/console/conversations/{id}/assignee")
    String assignee(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(name = "officerId", required = false) Long officerId,
            RedirectAttributes redirect) {
        try {
            console.reassign(accounts.scopeOf(officer), id, officerId);
            redirect.addFlashAttribute("notice", "conversations.assign.saved");
        } catch (ReplyRejectedException e) {
            redirect.addFlashAttribute("replyError", e.messageKey());
        }
        return afterChange(officer, id);
    }

    @PostMapping("/console/conversations/{id}/tip")
    String makeTip(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(name = "category", required = false) TipCategory category,
            @RequestParam(name = "urgent", defaultValue = "false") boolean urgent,
            @RequestParam(name = "withIdentity", defaultValue = "false") boolean withIdentity,
            @RequestParam(name = "formKey", defaultValue = "") String formKey,
            RedirectAttributes redirect) {
        try {
            var made = tips.makeTip(accounts.scopeOf(officer), id, category, urgent, withIdentity, formKey);
            redirect.addFlashAttribute("madeTip", made);
        } catch (ReplyRejectedException e) {
            redirect.addFlashAttribute("replyError", e.messageKey());
        }
        return "redirect:/console/conversations/" + id;
    }

    /** After a change that may move the thread out of the officer's sight, go back to the inbox instead of a 404. */
    private String afterChange(SignedInOfficer officer, long id) {
        try {
            console.messages(accounts.scopeOf(officer), id);
            return "redirect:/console/conversations/" + id;
        } catch (ConversationNotFoundException e) {
            return "redirect:/console/conversations";
        }
    }
}
