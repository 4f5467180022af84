package vn.binhyen.reports.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.reports.internal.HolidayCalendar;
import vn.binhyen.reports.internal.LegalClocks;

/**
 * The administrator keeps the public holidays the legal clocks skip. Every change is audited; it applies to deadlines
 * computed after it (a deadline already set is not recomputed).
 */
@Controller
class HolidayAdminController {

    private final HolidayCalendar holidays;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    HolidayAdminController(HolidayCalendar holidays, AuditLog audit, MessageSource messages, Clock clock) {
        this.holidays = holidays;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/holidays")
    ModelAndView page(@RequestParam(required = false) String year) {
        int shown = LegalClocks.localDate(clock.instant()).getYear();
        if (year != null && year.matches("20[0-9]{2}")) {
            shown = Integer.parseInt(year);
        } else if (year != null) {
            return page(shown, HttpStatus.BAD_REQUEST, "admin.holidays.error.year");
        }
        return page(shown, HttpStatus.OK, null);
    }

    @PostMapping("/admin/holidays")
    @Transactional
    ModelAndView put(
            @AuthenticationPrincipal SignedInOfficer admin,
            @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "") String name) {
        LocalDate date = parse(day);
        int year = LegalClocks.localDate(clock.instant()).getYear();
        if (date == null) {
            return page(year, HttpStatus.BAD_REQUEST, "admin.holidays.error.day");
        }
        String text = name.strip();
        if (text.isEmpty() || text.length() > 200) {
            return page(date.getYear(), HttpStatus.BAD_REQUEST, "admin.holidays.error.name");
        }
        String before = holidays.put(date, text, admin.officerId());
        audit.record(AuditEntry.byOfficer(
                admin.getUsername(),
                admin.officerId(),
                AuditAction.CHANGE,
                "holiday:" + date,
                before == null ? "added: " + text : "renamed: " + before + " -> " + text));
        return page(date.getYear(), HttpStatus.OK, null);
    }

    @PostMapping("/admin/holidays/remove")
    @Transactional
    ModelAndView remove(@AuthenticationPrincipal SignedInOfficer admin, @RequestParam(defaultValue = "") String day) {
        LocalDate date = parse(day);
        if (date == null || !holidays.remove(date)) {
            return page(
                    date == null ? LegalClocks.localDate(clock.instant()).getYear() : date.getYear(),
                    HttpStatus.BAD_REQUEST,
                    "admin.holidays.error.day");
        }
        audit.record(AuditEntry.byOfficer(
                admin.getUsername(), admin.officerId(), AuditAction.CHANGE, "holiday:" + date, "removed"));
        return page(date.getYear(), HttpStatus.OK, null);
    }

    private ModelAndView page(int year, HttpStatus status, String errorKey) {
        ModelAndView page = new ModelAndView("reports/holidays");
        page.setStatus(status);
        page.addObject("year", year);
        page.addObject("holidays", holidays.ofYear(year));
        if (errorKey != null) {
            page.addObject("holidayError", messages.getMessage(errorKey, null, LocaleContextHolder.getLocale()));
        }
        return page;
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
