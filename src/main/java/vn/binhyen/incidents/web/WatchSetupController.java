package vn.binhyen.incidents.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.incidents.IncidentActionException;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.UnitSettings.Settings;
import vn.binhyen.incidents.internal.UnitWatchSetup;

/** The unit's early-warning setup: threshold, window and radius; watch terms; landmarks; group villages. */
@Controller
@RequestMapping("/console/incidents/setup")
class WatchSetupController {

    private final UnitWatchSetup setup;
    private final Accounts accounts;
    private final Directory directory;

    WatchSetupController(UnitWatchSetup setup, Accounts accounts, Directory directory) {
        this.setup = setup;
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        AccessScope scope = scope(officer);
        model.addAttribute("settings", setup.settings(scope));
        model.addAttribute("terms", setup.terms(scope));
        model.addAttribute("landmarks", setup.landmarks(scope));
        model.addAttribute("groups", setup.groups(scope));
        model.addAttribute("villages", directory.villagesOf(scope.unitCode()));
        model.addAttribute("categories", WatchCategory.values());
        return "incidents/setup";
    }

    @PostMapping("/settings")
    String settings(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(defaultValue = "false") boolean watching,
            @RequestParam double threshold,
            @RequestParam int windowMinutes,
            @RequestParam int radiusMeters,
            RedirectAttributes redirect) {
        setup.saveSettings(
                scope(officer), new Settings(watching, threshold, Duration.ofMinutes(windowMinutes), radiusMeters));
        return done(redirect);
    }

    @PostMapping("/terms")
    String term(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam WatchCategory category,
            @RequestParam(defaultValue = "") String term,
            @RequestParam(defaultValue = "") String variants,
            @RequestParam double weight,
            RedirectAttributes redirect) {
        setup.saveTerm(scope(officer), category, term, variants, weight);
        return done(redirect);
    }

    @PostMapping("/terms/{id}/delete")
    String removeTerm(
            @AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes redirect) {
        setup.removeTerm(scope(officer), id);
        return done(redirect);
    }

    @PostMapping("/landmarks")
    String landmark(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable Long villageId,
            @RequestParam(required = false) @Nullable Double latitude,
            @RequestParam(required = false) @Nullable Double longitude,
            RedirectAttributes redirect) {
        setup.saveLandmark(scope(officer), name, villageId, latitude, longitude);
        return done(redirect);
    }

    @PostMapping("/landmarks/{id}/delete")
    String removeLandmark(
            @AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes redirect) {
        setup.removeLandmark(scope(officer), id);
        return done(redirect);
    }

    @PostMapping("/groups")
    String group(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam String groupRef,
            @RequestParam long villageId,
            RedirectAttributes redirect) {
        setup.placeGroup(scope(officer), groupRef, villageId);
        return done(redirect);
    }

    private AccessScope scope(SignedInOfficer officer) {
        AccessScope scope = accounts.scopeOf(officer);
        if (!UnitWatchSetup.canChange(scope)) {
            throw new IncidentActionException("incidents.error.settings", "Not a commune unit");
        }
        return scope;
    }

    private static String done(RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", true);
        return "redirect:/console/incidents/setup";
    }
}
