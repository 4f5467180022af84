package vn.binhyen.insights.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.insights.internal.Boundaries;
import vn.binhyen.insights.internal.Dashboards;
import vn.binhyen.insights.internal.Formats;
import vn.binhyen.insights.internal.MonthlyReports;
import vn.binhyen.insights.internal.Period;
import vn.binhyen.insights.internal.Period.BadPeriodException;
import vn.binhyen.insights.internal.PublicPages;
import vn.binhyen.insights.internal.ReportArchive;
import vn.binhyen.insights.internal.Unit;
import vn.binhyen.insights.internal.Unit.Level;
import vn.binhyen.insights.internal.UnitNotFoundException;
import vn.binhyen.insights.internal.UnitNotVisibleException;
import vn.binhyen.insights.internal.Units;
import vn.binhyen.shared.VietnamTime;

/**
 * The dashboards: one address per unit ({@code /console/insights/province/66}, {@code .../commune/24133},
 * {@code .../village/12}), any period, drill-down by links. Every handler resolves the unit through
 * {@link #visibleUnit}, so no address shows a unit outside the officer's scope.
 */
@Controller
class InsightsController {

    private final Units units;
    private final Dashboards dashboards;
    private final Boundaries boundaries;
    private final MonthlyReports reports;
    private final ReportArchive archive;
    private final PublicPages publicPages;
    private final Accounts accounts;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final Formats formats;

    InsightsController(
            Units units,
            Dashboards dashboards,
            Boundaries boundaries,
            MonthlyReports reports,
            ReportArchive archive,
            PublicPages publicPages,
            Accounts accounts,
            AuditLog audit,
            java.time.Clock clock,
            Formats formats) {
        this.units = units;
        this.dashboards = dashboards;
        this.boundaries = boundaries;
        this.reports = reports;
        this.archive = archive;
        this.publicPages = publicPages;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.formats = formats;
    }

    @GetMapping("/console/insights")
    String home(@AuthenticationPrincipal SignedInOfficer officer) {
        Unit unit = units.home(accounts.scopeOf(officer)).orElseThrow(UnitNotVisibleException::new);
        return "redirect:" + unit.href();
    }

    @GetMapping("/console/insights/{level}/{key}")
    String dashboard(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable String level,
            @PathVariable String key,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "tipsPer1000") String measure,
            HttpServletRequest request,
            Model model) {
        AccessScope scope = accounts.scopeOf(officer);
        Unit unit = visibleUnit(scope, level, key);
        Period period = period(from, to, month);
        var d = dashboards.dashboard(unit, period);
        model.addAttribute("d", d);
        model.addAttribute("lines", ChildLine.of(d.children(), request.getContextPath(), period, formats));
        model.addAttribute("measure", Dashboards.MAP_MEASURES.contains(measure) ? measure : "tipsPer1000");
        model.addAttribute("measures", Dashboards.MAP_MEASURES);
        model.addAttribute("reportMonth", YearMonth.from(period.to()));
        model.addAttribute("archive", archive.list(unit));
        model.addAttribute("canPublish", unit.level() == Level.PROVINCE && scope.seesProvince());
        model.addAttribute("published", unit.level() == Level.PROVINCE && publicPages.published(unit.provinceCode()));
        return "insights/dashboard";
    }

    /** The province map's data: communes with their boundary (or a point) and the chosen measure. */
    @GetMapping(value = "/console/insights/{level}/{key}/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> map(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable String level,
            @PathVariable String key,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "tipsPer1000") String measure) {
        Unit unit = visibleUnit(accounts.scopeOf(officer), level, key);
        if (unit.level() != Level.PROVINCE || !Dashboards.MAP_MEASURES.contains(measure)) {
            throw new UnitNotFoundException();
        }
        var rows = dashboards.children(unit, period(from, to, month));
        Map<String, @Nullable Number> values = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (var r : rows) {
            values.put(r.unit().key(), r.measure(measure));
        }
        rows.forEach(r -> labels.put(r.unit().key(), r.unit().name()));
        return boundaries.provinceMap(
                unit, rows.stream().map(Dashboards.Row::unit).toList(), values, labels);
    }

    @GetMapping("/console/insights/{level}/{key}/report.{format}")
    ResponseEntity<byte[]> report(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable String level,
            @PathVariable String key,
            @PathVariable String format,
            @RequestParam(required = false) @Nullable String month) {
        AccessScope scope = accounts.scopeOf(officer);
        Unit unit = visibleUnit(scope, level, key);
        boolean pdf = switch (format) {
            case "pdf" -> true;
            case "xlsx" -> false;
            default -> throw new UnitNotFoundException();
        };
        YearMonth m = month == null ? currentMonth() : month(month);
        var report = reports.build(unit, m);
        audit.record(AuditEntry.byOfficer(
                officer.getUsername(),
                scope.officerId(),
                AuditAction.EXPORT,
                "insights:" + unit.level().path() + ":" + unit.key(),
                "monthly report " + m + " " + format));
        return file(report.baseName() + "." + format, pdf ? report.pdf() : report.xlsx(), pdf);
    }

    @GetMapping("/console/insights/{level}/{key}/archive/{id}.{format}")
    ResponseEntity<byte[]> archived(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable String level,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable String format) {
        Unit unit = visibleUnit(accounts.scopeOf(officer), level, key);
        if (!format.equals("pdf") && !format.equals("xlsx")) {
            throw new UnitNotFoundException();
        }
        byte[] content = archive.file(unit, id, format.equals("pdf")).orElseThrow(UnitNotFoundException::new);
        return file(
                "bao-cao-" + unit.level().path() + "-" + unit.key() + "-" + id + "." + format,
                content,
                format.equals("pdf"));
    }

    /** The province command turns its public transparency page on or off. */
    @PostMapping("/console/insights/province/{key}/public")
    String publish(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable String key,
            @RequestParam boolean published) {
        AccessScope scope = accounts.scopeOf(officer);
        Unit unit = visibleUnit(scope, "province", key);
        if (!scope.seesProvince()) {
            throw new UnitNotVisibleException();
        }
        publicPages.publish(unit.provinceCode(), published, scope.officerId());
        return "redirect:" + unit.href();
    }

    private Unit visibleUnit(AccessScope scope, String level, String key) {
        Level l = Level.ofPath(level);
        if (l == null) {
            throw new UnitNotFoundException();
        }
        Unit unit = units.find(l, key).orElseThrow(UnitNotFoundException::new);
        if (!Units.visible(scope, unit)) {
            throw new UnitNotVisibleException();
        }
        return unit;
    }

    private YearMonth currentMonth() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE));
    }

    /** The period asked for: a month, or from/to, or the last 30 days up to today. */
    private Period period(@Nullable String from, @Nullable String to, @Nullable String month) {
        if (month != null && !month.isBlank()) {
            return Period.of(month(month));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        try {
            LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to);
            LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : LocalDate.parse(from);
            return new Period(start, end);
        } catch (DateTimeParseException e) {
            throw new BadPeriodException();
        }
    }

    private static YearMonth month(String month) {
        try {
            YearMonth m = YearMonth.parse(month);
            Period.of(m);
            return m;
        } catch (DateTimeParseException e) {
            throw new BadPeriodException();
        }
    }

    private static ResponseEntity<byte[]> file(String name, byte[] content, boolean pdf) {
        return ResponseEntity.ok()
                .contentType(
                        pdf
                                ? MediaType.APPLICATION_PDF
                                : MediaType.parseMediaType(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
