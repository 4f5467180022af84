package vn.binhyen.insights.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rollup table {@code insights.daily_figures}: facts added as they happen, every row rebuilt from the raw data
 * on command, and the sums the dashboards read.
 *
 * <p>Adding and rebuilding take the same advisory lock (shared and exclusive), so a fact never lands half-way through
 * a rebuild. The rebuild reads other modules' tables read-only, in set-based SQL: see
 * docs/decisions/0006-insights-rollups.md for why.
 */
@Repository
public class RollupStore {

    /** The advisory lock key shared by {@link #add} and {@link #rebuild} ("insights" in ASCII, roughly). */
    private static final long LOCK = 0x696E7369676874L;

    private static final String UPSERT = """
            INSERT INTO insights.daily_figures (level, unit, parent, day, measure, dim, value)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (level, unit, day, measure, dim) DO UPDATE SET value = daily_figures.value + EXCLUDED.value
            """;

    private static final String UPSERT_MONTHLY = """
            INSERT INTO insights.monthly_figures (level, unit, parent, month, measure, dim, value)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (level, unit, month, measure, dim) DO UPDATE SET value = monthly_figures.value + EXCLUDED.value
            """;

    /** A row of the rollup table. */
    public record Key(char level, String unit, String parent, LocalDate day, Measure measure, String dim)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Character.compare(level, o.level);
            c = c != 0 ? c : unit.compareTo(o.unit);
            c = c != 0 ? c : day.compareTo(o.day);
            c = c != 0 ? c : measure.compareTo(o.measure);
            return c != 0 ? c : dim.compareTo(o.dim);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RollupRebuild rebuilder;

    RollupStore(JdbcClient jdbc, JdbcTemplate batch, RollupRebuild rebuilder) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rebuilder = rebuilder;
    }

    /** The rows a set of facts adds to, with how much: each fact at its village, commune and province. */
    public static Map<Key, Long> rowsOf(Collection<Fact> facts) {
        Map<Key, Long> rows = new TreeMap<>();
        for (Fact f : facts) {
            rows.merge(new Key('P', f.provinceCode(), "", f.day(), f.measure(), f.dim()), f.delta(), Long::sum);
            if (f.communeCode() != null) {
                rows.merge(
                        new Key('C', f.communeCode(), f.provinceCode(), f.day(), f.measure(), f.dim()),
                        f.delta(),
                        Long::sum);
                if (f.villageId() != null) {
                    rows.merge(
                            new Key('V', f.villageId().toString(), f.communeCode(), f.day(), f.measure(), f.dim()),
                            f.delta(),
                            Long::sum);
                }
            }
        }
        return rows;
    }

    /** The monthly rows of some daily rows: provinces' and communes' only, the day standing for its month. */
    public static Map<Key, Long> monthlyRowsOf(Map<Key, Long> daily) {
        Map<Key, Long> rows = new TreeMap<>();
        daily.forEach((k, v) -> {
            if (Spans.monthly(k.level())) {
                rows.merge(
                        new Key(k.level(), k.unit(), k.parent(), k.day().withDayOfMonth(1), k.measure(), k.dim()),
                        v,
                        Long::sum);
            }
        });
        return rows;
    }

    /**
     * Adds facts in one transaction, to the daily and the monthly rows. Rows are written in key order (daily, then
     * monthly), so that two listeners adding to the same rows at once wait for each other instead of deadlocking.
     */
    @Transactional
    public void add(Collection<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(LOCK).query().singleRow();
        Map<Key, Long> daily = rowsOf(facts);
        batch.batchUpdate(UPSERT, parameters(daily));
        batch.batchUpdate(UPSERT_MONTHLY, parameters(monthlyRowsOf(daily)));
    }

    private static List<Object[]> parameters(Map<Key, Long> keys) {
        List<Object[]> rows = new ArrayList<>();
        keys.forEach((k, v) -> rows.add(new Object[] {
            String.valueOf(k.level()),
            k.unit(),
            k.parent(),
            Date.valueOf(k.day()),
            k.measure().name(),
            k.dim(),
            v
        }));
        return rows;
    }

    /**
     * Throws every rollup away and counts again from the raw data of every module, in one transaction that builds
     * new tables and swaps them in: readers see the old figures until the new ones are complete, and facts from
     * events wait on the lock meanwhile (see {@link RollupRebuild}).
     *
     * @return the number of daily rollup rows written
     */
    @Transactional
    public long rebuild() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
        long rows = rebuilder.rebuild();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                rebuilder.vacuum();
            }
        });
        return rows;
    }

    /** Every fact from the raw rows, grouped: the same facts {@link Facts} makes from the events. */
    static String rawFacts() {
        return RollupRebuild.rawFacts();
    }

    /** Every row of some units, for comparing a rebuild with the incremental figures. */
    public Map<Key, Long> rowsFor(char level, Collection<String> units) {
        Map<Key, Long> rows = new TreeMap<>();
        if (units.isEmpty()) {
            return rows;
        }
        jdbc.sql("SELECT * FROM insights.daily_figures WHERE level = :level AND unit IN (:units)")
                .param("level", String.valueOf(level))
                .param("units", units)
                .query(rs -> {
                    rows.put(
                            new Key(
                                    rs.getString("level").charAt(0),
                                    rs.getString("unit"),
                                    rs.getString("parent"),
                                    rs.getDate("day").toLocalDate(),
                                    Measure.valueOf(rs.getString("measure")),
                                    rs.getString("dim")),
                            rs.getLong("value"));
                });
        return rows;
    }

    /** Every row of some units at the monthly level, for comparing a rebuild with the incremental figures. */
    public Map<Key, Long> monthlyRowsFor(char level, Collection<String> units) {
        Map<Key, Long> rows = new TreeMap<>();
        if (units.isEmpty()) {
            return rows;
        }
        jdbc.sql("SELECT * FROM insights.monthly_figures WHERE level = :level AND unit IN (:units)")
                .param("level", String.valueOf(level))
                .param("units", units)
                .query(rs -> {
                    rows.put(
                            new Key(
                                    rs.getString("level").charAt(0),
                                    rs.getString("unit"),
                                    rs.getString("parent"),
                                    rs.getDate("month").toLocalDate(),
                                    Measure.valueOf(rs.getString("measure")),
                                    rs.getString("dim")),
                            rs.getLong("value"));
                });
        return rows;
    }

    /** Sums per measure and dimension for one unit over [from, to]. */
    public Totals totals(char level, String unit, LocalDate from, LocalDate to) {
        return totals(level, unit, List.of(new Period(from, to))).getFirst();
    }

    /**
     * Sums per measure and dimension for one unit over each of some periods, in one statement: whole months from the
     * monthly rows, the days around them from the daily rows ({@link Spans}).
     */
    @Transactional(readOnly = true)
    public List<Totals> totals(char level, String unit, List<Period> periods) {
        List<Totals> totals = new ArrayList<>();
        PeriodQuery q = new PeriodQuery("measure, dim");
        for (int i = 0; i < periods.size(); i++) {
            totals.add(new Totals());
            q.add(i, level, List.of(unit), periods.get(i));
        }
        jdbc.sql(q.sql()).params(q.params()).query(rs -> {
            totals.get(rs.getInt("k"))
                    .add(Measure.valueOf(rs.getString("measure")), rs.getString("dim"), rs.getLong("v"));
        });
        return totals;
    }

    /** Per day, per measure (all dimensions together) for one unit over [from, to]. */
    public Map<LocalDate, Map<Measure, Long>> daily(char level, String unit, LocalDate from, LocalDate to) {
        return daily(level, unit, List.of(new Period(from, to)), List.of()).getFirst();
    }

    /**
     * Per day, per measure (all dimensions together) for one unit over each of some periods, in one statement; only
     * the measures given, or all of them when none is.
     */
    @Transactional(readOnly = true)
    public List<Map<LocalDate, Map<Measure, Long>>> daily(
            char level, String unit, List<Period> periods, List<Measure> measures) {
        List<Map<LocalDate, Map<Measure, Long>>> series = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT k, day, measure, sum(value) AS v FROM (");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            Map<LocalDate, Map<Measure, Long>> days = new TreeMap<>();
            for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
                days.put(d, new EnumMap<>(Measure.class));
            }
            series.add(days);
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT ")
                    .append(i)
                    .append(" AS k, day, measure, value FROM insights.daily_figures")
                    .append(" WHERE level = ? AND unit = ? AND day BETWEEN ? AND ?");
            params.addAll(List.of(String.valueOf(level), unit, Date.valueOf(p.from()), Date.valueOf(p.to())));
            if (!measures.isEmpty()) {
                sql.append(" AND measure IN (")
                        .append("?, ".repeat(measures.size() - 1))
                        .append("?)");
                measures.forEach(m -> params.add(m.name()));
            }
        }
        sql.append(") x GROUP BY k, day, measure");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            series.get(rs.getInt("k"))
                    .get(rs.getDate("day").toLocalDate())
                    .put(Measure.valueOf(rs.getString("measure")), rs.getLong("v"));
        });
        return series;
    }

    /**
     * Totals of some children of a unit (the communes of a province, the villages of a commune) over [from, to], by
     * their keys: read through the primary key, index only.
     */
    @Transactional(readOnly = true)
    public Map<String, Totals> children(char childLevel, Collection<String> keys, LocalDate from, LocalDate to) {
        Map<String, Totals> children = new TreeMap<>();
        if (keys.isEmpty()) {
            return children;
        }
        PeriodQuery q = new PeriodQuery("unit, measure, dim");
        q.add(0, childLevel, keys, new Period(from, to));
        jdbc.sql(q.sql()).params(q.params()).query(rs -> {
            children.computeIfAbsent(rs.getString("unit"), u -> new Totals())
                    .add(Measure.valueOf(rs.getString("measure")), rs.getString("dim"), rs.getLong("v"));
        });
        return children;
    }

    /**
     * One statement summing rows over periods, each cut into whole months and days ({@link Spans}); {@code k} tells
     * the periods apart.
     */
    private static final class PeriodQuery {
        private final String groups;
        private final StringBuilder union = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        PeriodQuery(String groups) {
            this.groups = groups;
        }

        void add(int k, char level, Collection<String> units, Period period) {
            Spans spans = Spans.of(period.from(), period.to(), Spans.monthly(level));
            for (LocalDate[] days : spans.days()) {
                part(k, "daily_figures", "day", level, units, days);
            }
            if (spans.months() != null) {
                part(k, "monthly_figures", "month", level, units, spans.months());
            }
        }

        private void part(int k, String table, String time, char level, Collection<String> units, LocalDate[] range) {
            union.append(union.isEmpty() ? "" : " UNION ALL ")
                    .append("SELECT ")
                    .append(k)
                    .append(" AS k, ")
                    .append(groups)
                    .append(", value FROM insights.")
                    .append(table)
                    .append(" WHERE level = ? AND unit IN (")
                    .append("?, ".repeat(units.size() - 1))
                    .append("?) AND ")
                    .append(time)
                    .append(" BETWEEN ? AND ?");
            params.add(String.valueOf(level));
            params.addAll(units);
            params.addAll(List.of(Date.valueOf(range[0]), Date.valueOf(range[1])));
        }

        String sql() {
            return "SELECT k, " + groups + ", sum(value) AS v FROM (" + union + ") x GROUP BY k, " + groups;
        }

        List<Object> params() {
            return params;
        }
    }
}
