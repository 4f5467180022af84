package vn.binhyen.insights.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.Directory;
import vn.binhyen.insights.internal.Unit.Level;
import vn.binhyen.shared.VietnamTime;

/**
 * Monthly reports kept for each unit's leaders: made on the 1st of every month for the month before, for every
 * province and commune in service, and listed on the unit's dashboard, where only those who may see the unit (its
 * chief and staff, the province command) can download them.
 */
@Service
public class ReportArchive {

    private static final Logger log = LoggerFactory.getLogger(ReportArchive.class);

    public record Stored(long id, YearMonth month, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final MonthlyReports reports;
    private final Units units;
    private final Directory directory;
    private final Clock clock;

    ReportArchive(JdbcClient jdbc, MonthlyReports reports, Units units, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.units = units;
        this.directory = directory;
        this.clock = clock;
    }

    /** Makes and keeps the reports of one month for every unit in service; returns how many. */
    public int makeAll(YearMonth month) {
        var communes = directory.communesInService();
        var provinces = new TreeSet<String>();
        int made = 0;
        for (var c : communes) {
            provinces.add(c.provinceCode());
            units.find(Level.COMMUNE, c.code()).ifPresent(u -> store(u, month));
            made++;
        }
        for (String p : provinces) {
            units.find(Level.PROVINCE, p).ifPresent(u -> store(u, month));
            made++;
        }
        log.info("Monthly reports for {} made: {} units", month, made);
        return made;
    }

    @Transactional
    public void store(Unit unit, YearMonth month) {
        var report = reports.build(unit, month);
        jdbc.sql("""
                        INSERT INTO insights.monthly_reports (level, unit, month, pdf, xlsx, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (level, unit, month) DO UPDATE SET pdf = EXCLUDED.pdf, xlsx = EXCLUDED.xlsx,
                            created_at = EXCLUDED.created_at
                        """)
                .params(
                        String.valueOf(unit.code()),
                        unit.key(),
                        Date.valueOf(month.atDay(1)),
                        report.pdf(),
                        report.xlsx(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    @Transactional(readOnly = true)
    public List<Stored> list(Unit unit) {
        return jdbc.sql("""
                        SELECT id, month, created_at FROM insights.monthly_reports WHERE level = ? AND unit = ?
                         ORDER BY month DESC LIMIT 24
                        """)
                .params(String.valueOf(unit.code()), unit.key())
                .query((rs, n) -> new Stored(
                        rs.getLong("id"),
                        YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A kept report's file, only when it is the given unit's (the caller checked the officer may see the unit). */
    @Transactional(readOnly = true)
    public Optional<byte[]> file(Unit unit, long id, boolean pdf) {
        return jdbc.sql("SELECT " + (pdf ? "pdf" : "xlsx")
                        + " FROM insights.monthly_reports WHERE id = ? AND level = ? AND unit = ?")
                .params(id, String.valueOf(unit.code()), unit.key())
                .query(byte[].class)
                .optional();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "binhyen.insights.monthly-reports", matchIfMissing = true)
    static class Timer {

        /** 06:00 on the 1st, Vietnam time: the reports of the month just ended, ready before the morning meeting. */
        @Bean
        RecurringTask<Void> monthlyInsightReports(ReportArchive archive, Clock clock) {
            return Tasks.recurring("insights-monthly-reports", Schedules.cron("0 0 6 1 * *", VietnamTime.ZONE))
                    .execute((instance, context) ->
                            archive.makeAll(YearMonth.from(LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE))
                                    .minusMonths(1)));
        }
    }
}
