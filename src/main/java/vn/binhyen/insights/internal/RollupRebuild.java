package vn.binhyen.insights.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rebuild of every rollup from the raw data, as a bulk load: the facts are counted once into a temporary table,
 * the three levels and the monthly rows are written into new tables without indexes, the indexes are built once at
 * the end (far cheaper than keeping them up to date row by row: at 10 M tips the rollups are some 60 M rows), and
 * the new tables replace the old ones. All of it in the caller's transaction, which holds the rollups' exclusive
 * lock ({@link RollupStore#rebuild}).
 */
@Component
class RollupRebuild {

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    /**
     * The indexes of each rollup table, as the migrations create them: built again under these names, so a rebuilt
     * table is the same table as a migrated one (checked by InsightsTests).
     */
    private static final String DAILY_KEY = "PRIMARY KEY (level, unit, day, measure, dim) INCLUDE (value)";

    private static final String MONTHLY_KEY = "PRIMARY KEY (level, unit, month, measure, dim) INCLUDE (value)";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final InsightsProperties properties;

    RollupRebuild(JdbcClient jdbc, DataSource dataSource, InsightsProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /**
     * Vacuums the new tables, after the rebuild committed (VACUUM runs outside a transaction, so on a connection of
     * its own): the dashboards read the rollups by index-only scans, which are only index-only once the visibility
     * map of the new table is set, and autovacuum would come round to a 60 M-row table minutes later.
     */
    void vacuum() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) insights.daily_figures, insights.monthly_figures");
        } catch (SQLException e) {
            // The figures are right without it, only slower to read until autovacuum passes.
            log.warn("Insights rollups rebuilt but not vacuumed: {}", e.getMessage());
        }
        log.info(
                "Insights rollups vacuumed in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Runs in the caller's transaction; returns the number of daily rows written. */
    @Transactional(propagation = Propagation.MANDATORY)
    long rebuild() {
        long started = System.nanoTime();
        // Sorts and hashes over tens of millions of rows: the default 4 MB spills gigabytes to temporary files.
        jdbc.sql("SELECT set_config('work_mem', :m, true), set_config('maintenance_work_mem', :m, true)")
                .param("m", properties.rebuildMemory())
                .query()
                .singleRow();
        jdbc.sql("DROP TABLE IF EXISTS insights_facts").update();
        step(started, "facts", "CREATE TEMP TABLE insights_facts ON COMMIT DROP AS " + rawFacts());
        // Autovacuum never analyzes a temporary table: without statistics the planner guesses the groups below.
        step(started, "analyze facts", "ANALYZE insights_facts");
        jdbc.sql("DROP TABLE IF EXISTS insights.daily_figures_next, insights.monthly_figures_next")
                .update();
        for (String table : List.of("daily_figures", "monthly_figures")) {
            jdbc.sql("CREATE TABLE insights.%s_next (LIKE insights.%s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
                            .formatted(table, table))
                    .update();
        }
        // Villages: a village has one commune, so its facts are its rows already.
        long rows = step(started, "village rows", """
                INSERT INTO insights.daily_figures_next (level, unit, parent, day, measure, dim, value)
                SELECT 'V', v::text, c, day, measure, dim, n FROM insights_facts WHERE v IS NOT NULL
                """);
        rows += step(started, "commune rows", """
                INSERT INTO insights.daily_figures_next (level, unit, parent, day, measure, dim, value)
                SELECT 'C', c, p, day, measure, dim, sum(n) FROM insights_facts WHERE c IS NOT NULL
                 GROUP BY c, p, day, measure, dim
                """);
        // Provinces: few groups, so one hashed pass over the facts (no sort).
        rows += step(started, "province rows", """
                INSERT INTO insights.daily_figures_next (level, unit, parent, day, measure, dim, value)
                SELECT 'P', p, '', day, measure, dim, sum(n) FROM insights_facts GROUP BY p, day, measure, dim
                """);
        // Communes' and provinces' months in one pass over the facts (GROUPING(c) = 1: the province's set).
        step(started, "monthly rows", """
                INSERT INTO insights.monthly_figures_next (level, unit, parent, month, measure, dim, value)
                SELECT CASE GROUPING(c) WHEN 0 THEN 'C' ELSE 'P' END, CASE GROUPING(c) WHEN 0 THEN c ELSE p END,
                       CASE GROUPING(c) WHEN 0 THEN p ELSE '' END, date_trunc('month', day)::date, measure, dim, sum(n)
                  FROM insights_facts
                 GROUP BY GROUPING SETS ((c, p, date_trunc('month', day)::date, measure, dim),
                                         (p, date_trunc('month', day)::date, measure, dim))
                HAVING GROUPING(c) = 1 OR c IS NOT NULL
                """);
        swap(started, "daily_figures", DAILY_KEY);
        swap(started, "monthly_figures", MONTHLY_KEY);
        log.info(
                "Insights rollups rebuilt: {} daily rows in {} ms",
                rows,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return rows;
    }

    /**
     * Gives the new table its key (the one index, under a temporary name), drops the old table and gives the new one
     * the old names.
     */
    private void swap(long started, String table, String key) {
        String next = table + "_next";
        step(started, "key of " + table, "ALTER TABLE insights." + next + " ADD CONSTRAINT " + next + "_pkey " + key);
        jdbc.sql("DROP TABLE insights." + table).update();
        jdbc.sql("ALTER TABLE insights." + next + " RENAME TO " + table).update();
        // Renaming a primary key's index renames its constraint too.
        jdbc.sql("ALTER INDEX insights." + next + "_pkey RENAME TO " + table + "_pkey")
                .update();
        // The planner needs the new table's statistics now, not when autovacuum comes round.
        step(started, "analyze " + table, "ANALYZE insights." + table);
    }

    private long step(long started, String name, String sql) {
        long t = System.nanoTime();
        long rows = jdbc.sql(sql).param("days", properties.decisionDays()).update();
        log.info(
                "Insights rebuild: {} ({} rows) in {} ms, {} s since the start",
                name,
                rows,
                Duration.ofNanos(System.nanoTime() - t).toMillis(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return rows;
    }

    /**
     * Every fact from the raw rows: the same facts {@link Facts} makes from the events. Each source is grouped on its
     * own (each gives measures no other source gives, so their groups never meet), which keeps every sort to the size
     * of one source instead of one sort over all of them.
     */
    static String rawFacts() {
        String day = "(%s AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        String answer = Buckets.sql("t.first_answered_at - t.received_at", Buckets.MINUTES, 60_000_000L, "m");
        String decision = Buckets.sql("t.closed_at - t.received_at", Buckets.DAYS, 86_400_000_000L, "d");
        String group = " GROUP BY 1, 2, 3, 4, 5, 6";
        String decided = "CASE WHEN t.closed_at IS NOT NULL AND t.status IN ('RESOLVED', 'TRANSFERRED', 'REJECTED')"
                + " THEN " + day.formatted("t.closed_at") + " END";
        // Every fact of a tip from one read of the tips: one row per measure, those that do not apply dropped by
        // their day being null.
        return "SELECT t.province_code AS p, t.commune_code AS c, t.village_id AS v, f.day, f.measure, f.dim,"
                + " count(*) AS n FROM reports.tips t CROSS JOIN LATERAL (VALUES"
                + " (" + day.formatted("t.received_at") + ", 'TIPS_RECEIVED', t.channel::text),"
                + " (" + day.formatted("t.first_answered_at") + ", 'TIP_FIRST_ANSWER', " + answer + "),"
                + " (" + decided + ", 'TIPS_DECIDED', CASE WHEN extract(epoch FROM t.closed_at - t.received_at)"
                + " * 1000000 <= :days * 86400000000 THEN 'in_time' ELSE 'late' END),"
                + " (" + decided + ", 'TIP_DECISION_TIME', " + decision + "),"
                + " (" + decided + ", 'TIPS_BY_CATEGORY', t.category::text)) f (day, measure, dim)"
                + " WHERE f.day IS NOT NULL" + group
                + " UNION ALL SELECT th.province_code, th.commune_code, NULL::bigint, " + day.formatted("m.sent_at")
                + ", CASE WHEN th.kind = 'RESIDENT' THEN 'QUESTIONS' ELSE 'GROUP_MESSAGES' END, '', count(*)"
                + " FROM conversations.messages m JOIN conversations.threads th ON th.id = m.thread_id"
                + " WHERE m.direction = 'INBOUND'" + group
                + " UNION ALL SELECT th.province_code, th.commune_code, NULL::bigint, " + day.formatted("q.asked_at")
                + ", 'QUESTIONS_ASKED', CASE WHEN q.matched THEN 'good' ELSE 'unmatched' END, count(*)"
                + " FROM conversations.questions q JOIN conversations.threads th ON th.id = q.thread_id" + group
                + " UNION ALL SELECT th.province_code, th.commune_code, NULL::bigint, " + day.formatted("q.answered_at")
                + ", 'QUESTIONS_ANSWERED', CASE WHEN q.answered_by = 'AUTO' THEN 'automatic' ELSE 'officer' END,"
                + " count(*) FROM conversations.questions q JOIN conversations.threads th ON th.id = q.thread_id"
                + " WHERE q.answered_at IS NOT NULL" + group
                + " UNION ALL SELECT b.province_code, NULL, NULL::bigint, " + day.formatted("b.published_at")
                + ", 'BULLETINS', b.kind, count(*) FROM bulletins.bulletins b"
                + " WHERE b.published_at IS NOT NULL AND b.province_wide" + group
                + " UNION ALL SELECT b.province_code, r.commune_code, NULL::bigint, " + day.formatted("b.published_at")
                + ", 'BULLETINS', b.kind, count(*) FROM bulletins.bulletins b JOIN ("
                + " SELECT bulletin_id, commune_code FROM bulletins.audience_communes"
                + " UNION SELECT bulletin_id, commune_code FROM bulletins.audience_villages) r ON r.bulletin_id = b.id"
                + " WHERE b.published_at IS NOT NULL AND NOT b.province_wide" + group
                + " UNION ALL SELECT i.province_code, i.commune_code, i.village_id, " + day.formatted("i.alerted_at")
                + ", 'URGENT_ALERTS', '', count(*) FROM incidents.incidents i WHERE i.alerted_at IS NOT NULL" + group
                + " UNION ALL SELECT i.province_code, i.commune_code, i.village_id, " + day.formatted("i.closed_at")
                + ", 'INCIDENTS_CLOSED', i.outcome, count(*) FROM incidents.incidents i"
                + " WHERE i.status = 'CLOSED' AND i.outcome IS NOT NULL" + group
                + " UNION ALL SELECT i.province_code, i.commune_code, i.village_id, " + day.formatted("i.closed_at")
                + ", 'INCIDENTS_BY_CATEGORY', k.category, count(*) FROM incidents.incidents i"
                + " CROSS JOIN LATERAL (SELECT DISTINCT unnest(i.categories) AS category) k"
                + " WHERE i.status = 'CLOSED' AND i.outcome IS NOT NULL" + group;
    }
}
