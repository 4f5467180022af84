package vn.binhyen.incidents.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.DutyRoster;
import vn.binhyen.incidents.ActionKind;
import vn.binhyen.incidents.IncidentActionException;
import vn.binhyen.incidents.IncidentOutcome;
import vn.binhyen.incidents.internal.IncidentConsole;
import vn.binhyen.incidents.internal.IncidentsProperties;
import vn.binhyen.incidents.internal.SetAsideSignals;
import vn.binhyen.shared.VietnamTime;

/** The incident board and one incident's page; each action is a POST that redirects back (PRG). */
@Controller
class IncidentController {

    private final IncidentConsole console;
    private final SetAsideSignals setAside;
    private final Accounts accounts;
    private final IncidentsProperties properties;
    private final DutyRoster roster;
    private final Clock clock;

    IncidentController(
            IncidentConsole console,
            SetAsideSignals setAside,
            Accounts accounts,
            IncidentsProperties properties,
            DutyRoster roster,
            Clock clock) {
        this.console = console;
        this.setAside = setAside;
        this.accounts = accounts;
        this.properties = properties;
        this.roster = roster;
        this.clock = clock;
    }

    @GetMapping("/console/incidents")
    String board(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        AccessScope scope = scope(officer);
        model.addAttribute("board", console.board(scope));
        model.addAttribute("setAside", setAside.count(scope));
        // Who the next urgent alert goes to, for the commune's own officers; the province opens a commune's roster.
        if (!scope.seesProvince() && officer.unitCode().length() == 5) {
            model.addAttribute("onDuty", roster.onDutyAt(officer.unitCode(), clock.instant()));
        }
        model.addAttribute("console", console);
        model.addAttribute("mapTiles", properties.mapTilesUrl());
        return "incidents/board";
    }

    @PostMapping("/console/incidents/set-aside/retry")
    String retrySetAside(@AuthenticationPrincipal SignedInOfficer officer, RedirectAttributes redirect) {
        redirect.addFlashAttribute("retried", setAside.retry(scope(officer)));
        return "redirect:/console/incidents";
    }

    @GetMapping("/console/incidents/{id}")
    String show(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, Model model) {
        var details = console.details(scope(officer), id);
        model.addAttribute("details", details);
        model.addAttribute("incidentTitle", console.title(details.incident()));
        model.addAttribute("recordable", ActionKind.RECORDABLE);
        model.addAttribute("outcomes", IncidentOutcome.values());
        model.addAttribute("mapTiles", properties.mapTilesUrl());
        return "incidents/incident";
    }

    @PostMapping("/console/incidents/{id}/actions")
    String record(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam ActionKind kind,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        console.record(scope(officer), id, kind, note);
        return done(id, redirect);
    }

    @PostMapping("/console/incidents/{id}/close")
    String close(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam IncidentOutcome outcome,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        console.close(scope(officer), id, outcome, note);
        return done(id, redirect);
    }

    @PostMapping("/console/incidents/{id}/merge")
    String merge(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam long other,
            RedirectAttributes redirect) {
        console.merge(scope(officer), id, other);
        return done(id, redirect);
    }

    @PostMapping("/console/incidents/{id}/split")
    String split(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(name = "signal", required = false) @Nullable List<Long> signals,
            RedirectAttributes redirect) {
        long created = console.split(scope(officer), id, signals == null ? List.of() : signals);
        return done(created, redirect);
    }

    @PostMapping("/console/incidents/{id}/assistance")
    String assistance(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String caseReference,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(name = "village", required = false) @Nullable List<Long> villages,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean notAGathering,
            RedirectAttributes redirect) {
        console.requestAssistance(
                scope(officer),
                id,
                caseReference,
                localTime(from),
                localTime(to),
                villages == null ? List.of() : villages,
                body,
                notAGathering);
        return done(id, redirect);
    }

    /** A datetime-local field, read in Vietnam time. */
    static @Nullable Instant localTime(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(VietnamTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IncidentActionException("incidents.error.assistance.window", "Unreadable time");
        }
    }

    private AccessScope scope(SignedInOfficer officer) {
        return accounts.scopeOf(officer);
    }

    private static String done(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", true);
        return "redirect:/console/incidents/" + id;
    }
}
