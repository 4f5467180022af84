package vn.binhyen.insights.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.shared.VietnamTime;

/**
 * The public transparency page of a province, when its command chose to publish it (off by default). It shows the
 * province's monthly figures only: counts, shares and times, never a commune's workload, a report or a person.
 */
@Service
public class PublicPages {

    /** One month of a province's public figures. */
    public record MonthFigures(
            YearMonth month,
            long tips,
            @Nullable Double decidedInTime,
            @Nullable Long medianAnswerMinutes,
            long questions,
            long bulletins,
            long prevented) {}

    private final JdbcClient jdbc;
    private final RollupStore rollups;
    private final Clock clock;

    PublicPages(JdbcClient jdbc, RollupStore rollups, Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean published(String provinceCode) {
        return jdbc.sql("SELECT coalesce((SELECT published FROM insights.public_pages WHERE province_code = ?), FALSE)")
                .param(provinceCode)
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public void publish(String provinceCode, boolean published, @Nullable Long officerId) {
        jdbc.sql("""
                        INSERT INTO insights.public_pages (province_code, published, updated_by, updated_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (province_code) DO UPDATE SET published = EXCLUDED.published,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        """)
                .params(provinceCode, published, officerId, Timestamp.from(clock.instant()))
                .update();
    }

    /** The last twelve months, the current one first (it is still running). */
    @Transactional(readOnly = true)
    public List<MonthFigures> months(Unit province) {
        YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE));
        List<MonthFigures> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            YearMonth m = current.minusMonths(i);
            Totals t = rollups.totals(province.code(), province.key(), m.atDay(1), m.atEndOfMonth());
            months.add(new MonthFigures(
                    m,
                    t.sum(Measure.TIPS_RECEIVED),
                    t.percent(Measure.TIPS_DECIDED, "in_time"),
                    Dashboards.medianAnswer(t),
                    t.sum(Measure.QUESTIONS),
                    t.sum(Measure.BULLETINS),
                    t.of(Measure.INCIDENTS_CLOSED, "PREVENTED")));
        }
        return months;
    }
}
