package vn.binhyen.zalo.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.zalo.ZaloChannelException;
import vn.binhyen.zalo.ZaloCommunityGroups;
import vn.binhyen.zalo.ZaloFollowers;
import vn.binhyen.zalo.ZaloOfficerLinks;
import vn.binhyen.zalo.internal.ZaloUnreachableException;

/**
 * An OA's followers (history, villages, sync) and groups (list from Zalo, link to village community groups) for
 * administrators; linked groups for officers, who open a group's thread to post into the group.
 */
@Controller
class ZaloPagesController {

    private final ZaloFollowers followers;
    private final ZaloCommunityGroups groups;
    private final Accounts accounts;
    private final ZaloOfficerLinks officerLinks;

    ZaloPagesController(
            ZaloFollowers followers, ZaloCommunityGroups groups, Accounts accounts, ZaloOfficerLinks officerLinks) {
        this.followers = followers;
        this.groups = groups;
        this.accounts = accounts;
        this.officerLinks = officerLinks;
    }

    @GetMapping("/admin/zalo/{oaId}/followers")
    String followers(@PathVariable String oaId, Model model) {
        model.addAttribute("overview", followers.overview(oaId));
        return "zalo/followers";
    }

    @PostMapping("/admin/zalo/{oaId}/followers/sync")
    String sync(@PathVariable String oaId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", followers.syncNow(oaId));
        return "redirect:/admin/zalo/" + oaId + "/followers";
    }

    @GetMapping("/admin/zalo/{oaId}/groups")
    String groups(@PathVariable String oaId, Model model) {
        model.addAttribute("oaId", oaId);
        model.addAttribute("groups", groups.groupsOf(oaId));
        model.addAttribute("communityGroups", groups.communityGroupsFor(oaId));
        return "zalo/groups";
    }

    @PostMapping("/admin/zalo/{oaId}/groups/refresh")
    String refresh(@PathVariable String oaId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("listed", groups.refresh(oaId));
        return "redirect:/admin/zalo/" + oaId + "/groups";
    }

    @PostMapping("/admin/zalo/{oaId}/groups/{groupId}/link")
    String link(
            @PathVariable String oaId,
            @PathVariable String groupId,
            @RequestParam(name = "communityGroupId", required = false) Long communityGroupId,
            RedirectAttributes redirect) {
        groups.link(oaId, groupId, communityGroupId);
        redirect.addFlashAttribute("linked", true);
        return "redirect:/admin/zalo/" + oaId + "/groups";
    }

    @GetMapping("/console/zalo/link")
    String officerLink(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        model.addAttribute("link", officerLinks.linkOf(officer.officerId()).orElse(null));
        return "zalo/officer-link";
    }

    @PostMapping("/console/zalo/link/code")
    String officerLinkCode(@AuthenticationPrincipal SignedInOfficer officer, RedirectAttributes redirect) {
        redirect.addFlashAttribute("code", officerLinks.newCode(officer.officerId()));
        return "redirect:/console/zalo/link";
    }

    @PostMapping("/console/zalo/link/remove")
    String officerUnlink(@AuthenticationPrincipal SignedInOfficer officer) {
        officerLinks.unlink(officer.officerId());
        return "redirect:/console/zalo/link";
    }

    /** One page for village groups: the registry at /console/groups, where the Zalo column comes from here. */
    @GetMapping("/console/zalo/groups")
    String linkedGroups() {
        return "redirect:/console/groups";
    }

    @GetMapping("/console/zalo/groups/cells")
    String linkedGroupCells(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        model.addAttribute("groups", groups.linkedGroupsFor(accounts.scopeOf(officer)));
        return "zalo/linked-groups :: cells";
    }

    @PostMapping("/console/zalo/groups/{oaId}/{groupId}/open")
    String open(
            @AuthenticationPrincipal SignedInOfficer officer, @PathVariable String oaId, @PathVariable String groupId) {
        long thread = groups.openThread(accounts.scopeOf(officer), oaId, groupId);
        return "redirect:/console/conversations/" + thread;
    }

    @ExceptionHandler(ZaloChannelException.class)
    String refused(ZaloChannelException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        boolean missing =
                e.messageKey().equals("zalo.oa.unknown") || e.messageKey().equals("zalo.groups.unknown");
        response.setStatus(missing ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errorKey", e.messageKey());
        return "zalo/problem";
    }

    @ExceptionHandler(ZaloUnreachableException.class)
    @ResponseStatus(HttpStatus.BAD_GATEWAY)
    String unreachable(Model model) {
        model.addAttribute("errorKey", "zalo.connect.unreachable");
        return "zalo/problem";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Model model) {
        model.addAttribute("errorKey", "zalo.request.invalid");
        return "zalo/problem";
    }
}
