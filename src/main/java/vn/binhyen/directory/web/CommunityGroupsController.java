package vn.binhyen.directory.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.directory.internal.CommunityGroups;
import vn.binhyen.shared.security.OfficerIdentity;

/** The community groups registry in the console: each village's Zalo group, its officer, members and link. */
@Controller
class CommunityGroupsController {

    private final CommunityGroups groups;

    CommunityGroupsController(CommunityGroups groups) {
        this.groups = groups;
    }

    @GetMapping("/console/groups")
    String list(@AuthenticationPrincipal OfficerIdentity officer, Model model) {
        model.addAttribute("groups", groups.visibleTo(officer));
        model.addAttribute("withoutGroup", groups.villagesWithoutGroup(officer));
        return "directory/groups";
    }

    @PostMapping("/console/groups")
    String create(
            @AuthenticationPrincipal OfficerIdentity officer,
            @RequestParam long villageId,
            @RequestParam @Size(min = 2, max = 200) String name,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "^$|^https://zalo\\.me/\\S{1,200}$")
                    String zaloLink,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int memberCount,
            RedirectAttributes redirect) {
        var group = groups.create(officer, villageId, name, zaloLink, memberCount)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("saved", group.id());
        return "redirect:/console/groups";
    }

    @PostMapping("/console/groups/{id}")
    String update(
            @AuthenticationPrincipal OfficerIdentity officer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "^$|^https://zalo\\.me/\\S{1,200}$")
                    String zaloLink,
            @RequestParam @Min(0) @Max(100_000) int memberCount,
            RedirectAttributes redirect) {
        groups.update(officer, id, zaloLink, memberCount)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("saved", id);
        return "redirect:/console/groups";
    }
}
