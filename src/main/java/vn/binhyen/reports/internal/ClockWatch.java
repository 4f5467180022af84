package vn.binhyen.reports.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;

/**
 * Watches every running legal clock: warns the assigned officer before a deadline, alerts the commune chief when it
 * passes, and escalates to the province command when it stays passed. Each alert is a row with a unique key, so a
 * sweep that runs twice (two nodes, a retry) raises nothing twice. It runs as a db-scheduler recurring task: once
 * across nodes, and from where it left off after a restart, because the deadlines live in the dockets themselves.
 */
@Component
public class ClockWatch {

    private static final Logger log = LoggerFactory.getLogger(ClockWatch.class);

    public enum Level {
        WARNING,
        OVERDUE,
        ESCALATED
    }

    /** One clock of one docket: what the sweep alerts about. */
    public record RunningClock(
            long tipId,
            String code,
            ClockKind kind,
            Instant dueAt,
            String communeCode,
            String provinceCode,
            @Nullable Long assignedOfficerId) {}

    /**
     * The running clocks with an alert still to raise (see {@link #awaitingAlert}). Public so that the inbox benchmark
     * times exactly what the watch sends.
     */
    public static final String AWAITING_ALERT = """
        WITH running AS (
            SELECT d.tip_id, 'TRANSFER' AS clock, d.transfer_due_at AS due_at FROM reports.dockets d
             WHERE d.state = 'AWAITING_TRANSFER' AND d.transfer_due_at <= :horizon
            UNION ALL
            SELECT d.tip_id, 'IMMEDIATE_REPORT', d.immediate_report_due_at FROM reports.dockets d
             WHERE d.urgent AND d.immediately_reported_at IS NULL
               AND d.state IN ('UNCLASSIFIED', 'AWAITING_TRANSFER', 'UNDER_RESOLUTION')
               AND d.immediate_report_due_at <= :horizon
            UNION ALL
            SELECT d.tip_id, 'RESOLUTION', d.resolution_due_at FROM reports.dockets d
             WHERE d.state = 'UNDER_RESOLUTION' AND d.resolution_due_at <= :horizon
            UNION ALL
            SELECT d.tip_id, 'EXTENSION_REQUEST', d.resolution_due_at - make_interval(days => :requestDays)
              FROM reports.dockets d
             WHERE d.state = 'UNDER_RESOLUTION' AND d.extension_count < 2
               AND NOT EXISTS (SELECT 1 FROM reports.docket_events x
                                WHERE x.tip_id = d.tip_id AND x.due_before = d.resolution_due_at
                                  AND x.type IN ('EXTENSION_REQUESTED', 'EXTENSION_NOT_NEEDED'))
               AND d.resolution_due_at - make_interval(days => :requestDays) <= :horizon
            UNION ALL
            -- Each notice still owed, found through the dockets that owe one (their earliest is kept
            -- on the docket, V8), not among every decision that ever asked for one.
            SELECT e.tip_id, 'PROCURACY_NOTICE', e.procuracy_due_at
              FROM reports.dockets d JOIN reports.docket_events e ON e.tip_id = d.tip_id
             WHERE d.procuracy_due_at <= :horizon AND e.procuracy_due_at <= :horizon
               AND NOT EXISTS (SELECT 1 FROM reports.docket_events n
                                WHERE n.refers_to = e.id AND n.type = 'PROCURACY_NOTIFIED')
        )
        SELECT c.tip_id, t.code, c.clock, c.due_at, t.commune_code, t.province_code, t.assigned_officer_id
          FROM running c JOIN reports.tips t ON t.id = c.tip_id
         WHERE NOT EXISTS (
                SELECT 1 FROM reports.clock_alerts a
                 WHERE a.tip_id = c.tip_id AND a.clock = c.clock AND a.due_at = c.due_at
                   AND a.level = CASE WHEN c.due_at + make_interval(secs => :escalation) <= :now
                                      THEN 'ESCALATED'
                                      WHEN c.due_at <= :now THEN 'OVERDUE'
                                      ELSE 'WARNING' END)
        """;

    private final JdbcClient jdbc;
    private final LegalClocks clocks;
    private final Directory directory;
    private final Clock clock;
    private final Timer sweeps;

    ClockWatch(JdbcClient jdbc, LegalClocks clocks, Directory directory, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.sweeps = Timer.builder("binhyen.clocks.sweep")
                .description("One pass of the legal clock watch over the country's running clocks")
                .register(meters);
        this.clocks = clocks;
        this.directory = directory;
        this.clock = clock;
    }

    /** One pass over the clocks at the application clock's "now"; returns how many alerts it raised. */
    @Transactional
    public int sweep() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        RegisterRules rules = clocks.rules();
        // An alert's recipient is looked up once per unit and sweep: a backlog of one commune asks once, not per clock.
        Map<String, List<OfficerView>> officers = new HashMap<>();
        int raised = 0;
        for (RunningClock running : awaitingAlert(now)) {
            for (Level level : levelsDue(running, now, rules)) {
                if (raise(running, level, now, officers)) {
                    raised++;
                    log.warn(
                            "Clock {} of tip {} {} (due {}): {}",
                            running.kind(),
                            running.code(),
                            level == Level.WARNING ? "due soon" : "passed",
                            running.dueAt(),
                            level);
                }
            }
        }
        sweeps.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return raised;
    }

    /** Every level whose moment has come at {@code now}, lowest first: a late sweep raises the ones it missed. */
    private static List<Level> levelsDue(RunningClock running, Instant now, RegisterRules rules) {
        java.time.Duration warning =
                running.kind() == ClockKind.RESOLUTION || running.kind() == ClockKind.EXTENSION_REQUEST
                        ? rules.resolutionWarning()
                        : rules.transferWarning();
        List<Level> due = new ArrayList<>();
        if (!now.isBefore(running.dueAt().minus(warning))) {
            due.add(Level.WARNING);
        }
        if (!now.isBefore(running.dueAt())) {
            due.add(Level.OVERDUE);
        }
        if (!now.isBefore(running.dueAt().plus(rules.provinceEscalation()))) {
            due.add(Level.ESCALATED);
        }
        return due;
    }

    private boolean raise(RunningClock running, Level level, Instant now, Map<String, List<OfficerView>> officers) {
        OfficerRole role;
        Long officer;
        switch (level) {
            case WARNING -> {
                officer = running.assignedOfficerId() != null
                        ? running.assignedOfficerId()
                        : first(
                                officers.computeIfAbsent(running.communeCode(), directory::officersOf),
                                OfficerRole.COMMUNE_CHIEF);
                role = running.assignedOfficerId() != null ? OfficerRole.AREA_OFFICER : OfficerRole.COMMUNE_CHIEF;
            }
            case OVERDUE -> {
                officer = first(
                        officers.computeIfAbsent(running.communeCode(), directory::officersOf),
                        OfficerRole.COMMUNE_CHIEF);
                role = OfficerRole.COMMUNE_CHIEF;
            }
            default -> {
                officer = first(
                        officers.computeIfAbsent(running.provinceCode(), directory::officersOf),
                        OfficerRole.PROVINCE_COMMAND);
                role = OfficerRole.PROVINCE_COMMAND;
            }
        }
        return jdbc.sql("""
                        INSERT INTO reports.clock_alerts (tip_id, clock, level, due_at, recipient_role, officer_id, raised_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """)
                        .params(
                                running.tipId(),
                                running.kind().name(),
                                level.name(),
                                RegisterStore.ts(running.dueAt()),
                                role.name(),
                                officer,
                                RegisterStore.ts(now))
                        .update()
                == 1;
    }

    private static @Nullable Long first(List<OfficerView> officers, OfficerRole role) {
        return officers.stream()
                .filter(o -> o.role() == role)
                .map(OfficerView::id)
                .findFirst()
                .orElse(null);
    }

    /**
     * Every running clock with an alert still to raise at {@code now}: due within the longest warning, and without an
     * alert yet at the highest level it has reached. The sweep raises the levels in order in one transaction, so a clock
     * whose highest level is raised has all of them. A clock left overdue is read once per level, not once a minute for
     * as long as it stays overdue: the sweep's work follows the new alerts, not the backlog.
     */
    public List<RunningClock> awaitingAlert(Instant now) {
        RegisterRules rules = clocks.rules();
        java.time.Duration maxWarning = rules.resolutionWarning().compareTo(rules.transferWarning()) > 0
                ? rules.resolutionWarning()
                : rules.transferWarning();
        return jdbc.sql(AWAITING_ALERT)
                .param("horizon", RegisterStore.ts(now.plus(maxWarning)))
                .param("now", RegisterStore.ts(now))
                .param("escalation", (double) rules.provinceEscalation().toSeconds())
                .param("requestDays", rules.extensionRequestDays())
                .query((rs, n) -> new RunningClock(
                        rs.getLong("tip_id"),
                        rs.getString("code"),
                        ClockKind.valueOf(rs.getString("clock")),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getString("commune_code"),
                        rs.getString("province_code"),
                        rs.getObject("assigned_officer_id", Long.class)))
                .list();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        /** The db-scheduler task: one execution at a time across all nodes, every {@code watch-interval}. */
        @Bean
        RecurringTask<Void> legalClockWatch(ClockWatch watch, RegisterRules rules) {
            return Tasks.recurring("legal-clock-watch", FixedDelay.of(rules.watchInterval()))
                    .execute((instance, context) -> watch.sweep());
        }
    }
}
