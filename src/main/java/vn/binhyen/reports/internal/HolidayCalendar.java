package vn.binhyen.reports.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public holidays the legal clocks skip (table reports.holidays, seeded with Vietnam's holidays for 2026–2027 and
 * edited by the administrator). Saturdays and Sundays are always days of rest. Read from the database each time: it is
 * asked only when a deadline is computed, and every node then agrees after an edit.
 */
@Component
public class HolidayCalendar implements LegalClocks.WorkingDays {

    public record Holiday(LocalDate day, String name) {}

    private final JdbcClient jdbc;

    HolidayCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports.holidays WHERE day = ?)")
                .param(day)
                .query(Boolean.class)
                .single();
    }

    public List<Holiday> ofYear(int year) {
        return jdbc.sql("SELECT day, name FROM reports.holidays WHERE day >= ? AND day < ? ORDER BY day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new Holiday(rs.getObject("day", LocalDate.class), rs.getString("name")))
                .list();
    }

    /** Adds a holiday, or renames the one on that day; returns the previous name, if any. */
    public @Nullable String put(LocalDate day, String name, long officerId) {
        String before = jdbc.sql("SELECT name FROM reports.holidays WHERE day = ?")
                .param(day)
                .query(String.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                        INSERT INTO reports.holidays (day, name, changed_by, changed_at) VALUES (?, ?, ?, now())
                        ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name, changed_by = EXCLUDED.changed_by,
                            changed_at = EXCLUDED.changed_at
                        """).params(day, name, officerId).update();
        return before;
    }

    public boolean remove(LocalDate day) {
        return jdbc.sql("DELETE FROM reports.holidays WHERE day = ?").param(day).update() == 1;
    }
}
