package vn.binhyen.insights.internal;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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

    private static final Logger log = LoggerFactory.getLogger(RollupStore.class);
    /** The advisory lock key shared by {@link #add} and {@link #rebuild} ("insights" in ASCII, roughly). */
    private static final long LOCK = 0x696E7369676874L;

    private static final String UPSERT = """
            INSERT INTO insights.daily_figures (level, unit, parent, day, measure, dim, value)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (level, unit, day, measure, dim) DO UPDATE SET value = daily_figures.value + EXCLUDED.value
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
    private final InsightsProperties properties;

    RollupStore(JdbcClient jdbc, JdbcTemplate batch, InsightsProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.properties = properties;
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

    /**
     * Adds facts in one transaction. Rows are written in key order, so that two listeners adding to the same rows
     * at once wait for each other instead of deadlocking.
     */
    @Transactional
    public void add(Collection<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(LOCK).query().singleRow();
        List<Object[]> rows = new ArrayList<>();
        rowsOf(facts)
                .forEach((k, v) -> rows.add(new Object[] {
                    String.valueOf(k.level()),
                    k.unit(),
                    k.parent(),
                    Date.valueOf(k.day()),
                    k.measure().name(),
                    k.dim(),
                    v
                }));
        batch.batchUpdate(UPSERT, rows);
    }

    /**
     * Throws every rollup away and counts again from the raw data of every module, in one transaction: readers see the
     * old figures until the new ones are complete.
     *
     * @return the number of rollup rows written
     */
    @Transactional
    public long rebuild() {
        long started = System.nanoTime();
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
        jdbc.sql("DELETE FROM insights.daily_figures").update();
        jdbc.sql("DROP TABLE IF EXISTS insights_facts").update();
        jdbc.sql("CREATE TEMP TABLE insights_facts ON COMMIT DROP AS " + rawFacts())
                .param("days", properties.decisionDays())
                .update();
        long rows = 0;
        rows += jdbc.sql("""
                        INSERT INTO insights.daily_figures (level, unit, parent, day, measure, dim, value)
                        SELECT 'P', p, '', day, measure, dim, sum(n) FROM insights_facts GROUP BY p, day, measure, dim
                        """).update();
        rows += jdbc.sql("""
                        INSERT INTO insights.daily_figures (level, unit, parent, day, measure, dim, value)
                        SELECT 'C', c, p, day, measure, dim, sum(n) FROM insights_facts WHERE c IS NOT NULL
                         GROUP BY c, p, day, measure, dim
                        """).update();
        rows += jdbc.sql("""
                        INSERT INTO insights.daily_figures (level, unit, parent, day, measure, dim, value)
                        SELECT 'V', v::text, c, day, measure, dim, sum(n) FROM insights_facts WHERE v IS NOT NULL
                         GROUP BY v, c, day, measure, dim
                        """).update();
        log.info(
                "Insights rollups rebuilt: {} rows in {} ms",
                rows,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return rows;
    }

    /** Every fact from the raw rows, grouped: the same facts {@link Facts} makes from the events. */
    static String rawFacts() {
        String day = "(%s AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        String answer = Buckets.sql("t.first_answered_at - t.received_at", Buckets.MINUTES, 60_000_000L, "m");
        String decision = Buckets.sql("t.closed_at - t.received_at", Buckets.DAYS, 86_400_000_000L, "d");
        String closed = " FROM reports.tips t WHERE t.closed_at IS NOT NULL"
                + " AND t.status IN ('RESOLVED', 'TRANSFERRED', 'REJECTED')";
        return "SELECT p, c, v, day, measure, dim, count(*) AS n FROM ("
                + " SELECT t.province_code AS p, t.commune_code AS c, t.village_id AS v, "
                + day.formatted("t.received_at") + " AS day, 'TIPS_RECEIVED' AS measure, t.channel AS dim"
                + " FROM reports.tips t"
                + " UNION ALL SELECT t.province_code, t.commune_code, t.village_id, "
                + day.formatted("t.first_answered_at") + ", 'TIP_FIRST_ANSWER', " + answer
                + " FROM reports.tips t WHERE t.first_answered_at IS NOT NULL"
                + " UNION ALL SELECT t.province_code, t.commune_code, t.village_id, " + day.formatted("t.closed_at")
                + ", 'TIPS_DECIDED', CASE WHEN extract(epoch FROM t.closed_at - t.received_at) * 1000000"
                + " <= :days * 86400000000 THEN 'in_time' ELSE 'late' END" + closed
                + " UNION ALL SELECT t.province_code, t.commune_code, t.village_id, " + day.formatted("t.closed_at")
                + ", 'TIP_DECISION_TIME', " + decision + closed
                + " UNION ALL SELECT t.province_code, t.commune_code, t.village_id, " + day.formatted("t.closed_at")
                + ", 'TIPS_BY_CATEGORY', t.category" + closed
                + " UNION ALL SELECT th.province_code, th.commune_code, NULL::bigint, " + day.formatted("m.sent_at")
                + ", CASE WHEN th.kind = 'RESIDENT' THEN 'QUESTIONS' ELSE 'GROUP_MESSAGES' END, ''"
                + " FROM conversations.messages m JOIN conversations.threads th ON th.id = m.thread_id"
                + " WHERE m.direction = 'INBOUND'"
                + " UNION ALL SELECT th.province_code, th.commune_code, NULL::bigint, " + day.formatted("q.asked_at")
                + ", 'QUESTIONS_ASKED', CASE WHEN q.matched THEN 'good' ELSE 'unmatched' END"
                + " FROM conversations.questions q JOIN conversations.threads th ON th.id = q.thread_id"
                + " UNION ALL SELECT th.province_code, th.commune_code, NULL::bigint, " + day.formatted("q.answered_at")
                + ", 'QUESTIONS_ANSWERED', CASE WHEN q.answered_by = 'AUTO' THEN 'automatic' ELSE 'officer' END"
                + " FROM conversations.questions q JOIN conversations.threads th ON th.id = q.thread_id"
                + " WHERE q.answered_at IS NOT NULL"
                + " UNION ALL SELECT b.province_code, NULL, NULL::bigint, " + day.formatted("b.published_at")
                + ", 'BULLETINS', b.kind FROM bulletins.bulletins b"
                + " WHERE b.published_at IS NOT NULL AND b.province_wide"
                + " UNION ALL SELECT b.province_code, r.commune_code, NULL::bigint, " + day.formatted("b.published_at")
                + ", 'BULLETINS', b.kind FROM bulletins.bulletins b JOIN ("
                + " SELECT bulletin_id, commune_code FROM bulletins.audience_communes"
                + " UNION SELECT bulletin_id, commune_code FROM bulletins.audience_villages) r ON r.bulletin_id = b.id"
                + " WHERE b.published_at IS NOT NULL AND NOT b.province_wide"
                + " UNION ALL SELECT i.province_code, i.commune_code, i.village_id, " + day.formatted("i.alerted_at")
                + ", 'URGENT_ALERTS', '' FROM incidents.incidents i WHERE i.alerted_at IS NOT NULL"
                + " UNION ALL SELECT i.province_code, i.commune_code, i.village_id, " + day.formatted("i.closed_at")
                + ", 'INCIDENTS_CLOSED', i.outcome FROM incidents.incidents i"
                + " WHERE i.status = 'CLOSED' AND i.outcome IS NOT NULL"
                + " UNION ALL SELECT i.province_code, i.commune_code, i.village_id, " + day.formatted("i.closed_at")
                + ", 'INCIDENTS_BY_CATEGORY', k.category FROM incidents.incidents i"
                + " CROSS JOIN LATERAL (SELECT DISTINCT unnest(i.categories) AS category) k"
                + " WHERE i.status = 'CLOSED' AND i.outcome IS NOT NULL"
                + ") f GROUP BY p, c, v, day, measure, dim";
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

    /** Sums per measure and dimension for one unit over [from, to]. */
    @Transactional(readOnly = true)
    public Totals totals(char level, String unit, LocalDate from, LocalDate to) {
        Totals totals = new Totals();
        jdbc.sql("""
                        SELECT measure, dim, sum(value) AS v FROM insights.daily_figures
                         WHERE level = ? AND unit = ? AND day BETWEEN ? AND ? GROUP BY measure, dim
                        """)
                .params(String.valueOf(level), unit, Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    totals.add(Measure.valueOf(rs.getString("measure")), rs.getString("dim"), rs.getLong("v"));
                });
        return totals;
    }

    /** Per day, per measure (all dimensions together) for one unit over [from, to]. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<Measure, Long>> daily(char level, String unit, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Measure, Long>> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new EnumMap<>(Measure.class));
        }
        jdbc.sql("""
                        SELECT day, measure, sum(value) AS v FROM insights.daily_figures
                         WHERE level = ? AND unit = ? AND day BETWEEN ? AND ? GROUP BY day, measure
                        """)
                .params(String.valueOf(level), unit, Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    days.get(rs.getDate("day").toLocalDate())
                            .put(Measure.valueOf(rs.getString("measure")), rs.getLong("v"));
                });
        return days;
    }

    /** Totals of every child of a unit (communes of a province, villages of a commune) over [from, to]. */
    @Transactional(readOnly = true)
    public Map<String, Totals> children(char childLevel, String parent, LocalDate from, LocalDate to) {
        Map<String, Totals> children = new TreeMap<>();
        jdbc.sql("""
                        SELECT unit, measure, dim, sum(value) AS v FROM insights.daily_figures
                         WHERE level = ? AND parent = ? AND day BETWEEN ? AND ? GROUP BY unit, measure, dim
                        """)
                .params(String.valueOf(childLevel), parent, Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    children.computeIfAbsent(rs.getString("unit"), u -> new Totals())
                            .add(Measure.valueOf(rs.getString("measure")), rs.getString("dim"), rs.getLong("v"));
                });
        return children;
    }
}
