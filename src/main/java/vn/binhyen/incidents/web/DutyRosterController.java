package vn.binhyen.incidents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.DutyRoster;
import vn.binhyen.directory.DutyShiftException;
import vn.binhyen.directory.DutyShiftView;
import vn.binhyen.directory.NewDutyShift;
import vn.binhyen.incidents.IncidentActionException;
import vn.binhyen.incidents.internal.UnitWatchSetup;
import vn.binhyen.shared.VietnamTime;

/**
 * The commune's duty roster (lịch trực), which decides who gets urgent alerts: this week and next by day. Everyone in
 * the commune sees it, the province command reads any commune of the province; the commune's chief and staff change
 * it, as they do the rest of the early-warning setup. Another commune's roster is not found, by any URL.
 */
@Controller
@RequestMapping("/console/duty")
class DutyRosterController {

    /** One day of the fortnight, in Vietnam time, with the shifts that touch it. */
    record Day(LocalDate date, String label, boolean today, List<DutyShiftView> shifts) {}

    /** What the add form holds, to show it again next to its errors. */
    record Form(@Nullable Long officerId, String from, String to, List<Long> villageIds) {}

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final DutyRoster roster;
    private final Directory directory;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    DutyRosterController(
            DutyRoster roster, Directory directory, Accounts accounts, MessageSource messages, Clock clock) {
        this.roster = roster;
        this.directory = directory;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(required = false) @Nullable String commune,
            Model model) {
        AccessScope scope = accounts.scopeOf(officer);
        if (scope.seesProvince() && (commune == null || commune.isBlank())) {
            model.addAttribute(
                    "communes",
                    directory.communesInService().stream()
                            .filter(c -> c.provinceCode().equals(scope.provinceCode()))
                            .toList());
            return "incidents/duty";
        }
        CommuneView shown = visible(scope, commune);
        Instant now = clock.instant();
        LocalDateTime from = LocalDateTime.ofInstant(now, VietnamTime.ZONE)
                .truncatedTo(ChronoUnit.HOURS)
                .plusHours(1);
        fill(model, scope, shown, new Form(null, FIELD.format(from), FIELD.format(from.plusHours(12)), List.of()));
        return "incidents/duty";
    }

    @PostMapping("/shifts")
    String add(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(required = false) @Nullable Long officerId,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(name = "villageIds", required = false) @Nullable List<Long> villageIds,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AccessScope scope = editor(officer);
        Form form = new Form(officerId, from, to, villageIds == null ? List.of() : villageIds);
        try {
            if (officerId == null) {
                throw new DutyShiftException("officerId", "duty.error.officer", "No officer chosen");
            }
            roster.add(
                    scope.unitCode(),
                    new NewDutyShift(officerId, time("from", from), time("to", to), form.villageIds()),
                    officer.getUsername(),
                    officer.officerId());
        } catch (DutyShiftException e) {
            return refused(e, scope, form, model, response);
        }
        redirect.addFlashAttribute("done", true);
        return "redirect:/console/duty";
    }

    @PostMapping("/shifts/{id}/end")
    String endEarly(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AccessScope scope = editor(officer);
        try {
            roster.endEarly(scope.unitCode(), id, officer.getUsername(), officer.officerId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (DutyShiftException e) {
            return refused(e, scope, null, model, response);
        }
        redirect.addFlashAttribute("done", true);
        return "redirect:/console/duty";
    }

    @PostMapping("/shifts/{id}/delete")
    String remove(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AccessScope scope = editor(officer);
        try {
            if (!roster.remove(scope.unitCode(), id, officer.getUsername(), officer.officerId())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        } catch (DutyShiftException e) {
            return refused(e, scope, null, model, response);
        }
        redirect.addFlashAttribute("done", true);
        return "redirect:/console/duty";
    }

    private void fill(Model model, AccessScope scope, CommuneView commune, Form form) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, VietnamTime.ZONE);
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        List<DutyShiftView> shifts = roster.shifts(commune.code(), start(monday), start(monday.plusDays(14)));
        DateTimeFormatter label = DateTimeFormatter.ofPattern("EEEE dd/MM", LocaleContextHolder.getLocale());
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            LocalDate date = monday.plusDays(d);
            Instant dayStart = start(date);
            Instant dayEnd = start(date.plusDays(1));
            days.add(new Day(
                    date,
                    label.format(date),
                    date.equals(today),
                    shifts.stream()
                            .filter(s ->
                                    s.startsAt().isBefore(dayEnd) && s.endsAt().isAfter(dayStart))
                            .toList()));
        }
        boolean editable = UnitWatchSetup.canChange(scope) && scope.unitCode().equals(commune.code());
        model.addAttribute("commune", commune);
        model.addAttribute("editable", editable);
        model.addAttribute("now", now);
        model.addAttribute("onDuty", roster.onDutyAt(commune.code(), now));
        model.addAttribute("thisWeek", days.subList(0, 7));
        model.addAttribute("nextWeek", days.subList(7, 14));
        model.addAttribute("villages", directory.villagesOf(commune.code()));
        if (editable) {
            model.addAttribute("officers", directory.officersOf(commune.code()));
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    /** The page again, with the refusal next to its field, as a 422: nothing was changed. */
    private String refused(
            DutyShiftException e, AccessScope scope, @Nullable Form form, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", Map.of(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale())));
        CommuneView commune = visible(scope, scope.unitCode());
        fill(model, scope, commune, form == null ? new Form(null, "", "", List.of()) : form);
        return "incidents/duty";
    }

    private CommuneView visible(AccessScope scope, @Nullable String requested) {
        String code = requested == null || requested.isBlank() ? scope.unitCode() : requested.strip();
        return directory
                .commune(code)
                .filter(c -> switch (scope.role()) {
                    case AREA_OFFICER, COMMUNE_STAFF, COMMUNE_CHIEF ->
                        scope.unitCode().equals(c.code());
                    case PROVINCE_COMMAND -> scope.provinceCode().equals(c.provinceCode());
                    case ADMINISTRATOR -> false;
                })
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Only the commune's chief and staff change its roster; everyone else who may see it reads it. */
    private AccessScope editor(SignedInOfficer officer) {
        AccessScope scope = accounts.scopeOf(officer);
        if (!UnitWatchSetup.canChange(scope)) {
            throw new IncidentActionException("duty.error.readOnly", "Roster is read-only for " + scope.role());
        }
        return scope;
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    /** A datetime-local field, read in Vietnam time. */
    private static Instant time(String field, String value) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(VietnamTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new DutyShiftException(field, "duty.error.time", "Unreadable time " + value);
        }
    }
}
