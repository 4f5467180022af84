package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.binhyen.support.IntegrationTest;

/**
 * The reports V2 migration gives every report received before the register existed its line (numbered per commune and
 * Vietnam-time year, in the order the reports came in), the counters that continue the numbering, and a docket whose
 * state follows the tip's. Run on a database of its own, stopped at reports V1 with old tips in it.
 */
@IntegrationTest
class RegisterBackfillMigrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void oldTipsGetTheirRegisterLinesCountersAndDockets() {
        String database = "backfill_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        JdbcClient.create(dataSource).sql("CREATE DATABASE " + database).update();
        String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        var single = new SingleConnectionDataSource(url, "postgres", "", true);
        try {
            Flyway.configure()
                    .dataSource(single)
                    .locations("classpath:db/migration/__root")
                    .table("history_root")
                    .load()
                    .migrate();
            Flyway.configure()
                    .dataSource(single)
                    .locations("classpath:db/migration/reports")
                    .table("history_reports")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .target("1")
                    .load()
                    .migrate();
            JdbcClient db = JdbcClient.create(single);
            // Commune 11111: June 2025; 16:30 UTC on 31 Dec is 23:30 in Vietnam (still 2025); 23:30 UTC on 31 Dec is
            // 06:30 on 1 Jan 2026 in Vietnam (a new year, numbering from 1). Another commune numbers on its own.
            tip(db, "TB-OLD1-0001", "11111", "2025-06-01T02:00:00Z", "RECEIVED", null);
            tip(db, "TB-OLD1-0002", "11111", "2025-12-31T23:30:00Z", "REJECTED", "Không có căn cứ");
            tip(db, "TB-OLD1-0003", "11111", "2025-12-31T16:30:00Z", "TRANSFERRED", null);
            tip(db, "TB-OLD1-0004", "22222", "2025-03-01T01:00:00Z", "IN_PROGRESS", null);

            Flyway.configure()
                    .dataSource(single)
                    .locations("classpath:db/migration/reports")
                    .table("history_reports")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();

            assertThat(db.sql("""
                            SELECT t.code || ' ' || e.commune_code || ' ' || e.register_number || '/' || e.register_year
                                   || ' ' || d.state || ' ' || coalesce(d.kind, '-')
                              FROM reports.register_entries e JOIN reports.tips t ON t.id = e.tip_id
                              JOIN reports.dockets d ON d.tip_id = t.id
                             ORDER BY t.code
                            """).query(String.class).list())
                    .containsExactly(
                            "TB-OLD1-0001 11111 1/2025 UNCLASSIFIED -",
                            "TB-OLD1-0002 11111 1/2026 NOT_ACTIONABLE NOT_ACTIONABLE",
                            "TB-OLD1-0003 11111 2/2025 TRANSFERRED -",
                            "TB-OLD1-0004 22222 1/2025 UNCLASSIFIED -");
            List<Map<String, Object>> counters = db.sql(
                            "SELECT commune_code, year, last_number FROM reports.register_counters ORDER BY 1, 2")
                    .query()
                    .listOfRows();
            assertThat(counters)
                    .extracting(r -> r.get("commune_code") + " " + r.get("year") + " " + r.get("last_number"))
                    .containsExactly("11111 2025 2", "11111 2026 1", "22222 2025 1");
            assertThat(db.sql("SELECT kind_reason FROM reports.dockets d JOIN reports.tips t ON t.id = d.tip_id"
                                    + " WHERE t.code = 'TB-OLD1-0002'")
                            .query(String.class)
                            .single())
                    .isEqualTo("Không có căn cứ");
            assertThat(db.sql("SELECT count(*) FROM reports.dockets WHERE closed_at IS NOT NULL")
                            .query(Integer.class)
                            .single())
                    .as("rejected and transferred tips keep their closing time")
                    .isEqualTo(2);
        } finally {
            single.destroy();
            JdbcClient.create(dataSource)
                    .sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")
                    .update();
        }
    }

    private static void tip(JdbcClient db, String code, String commune, String at, String status, String reason) {
        db.sql("""
                        INSERT INTO reports.tips (code, secret_hash, province_code, commune_code, category, description,
                            anonymous, channel, status, status_reason, received_at, closed_at, search_text)
                        VALUES (?, 'x', '66', ?, 'OTHER', 'Nội dung cũ', TRUE, 'PORTAL', ?, ?, CAST(? AS TIMESTAMPTZ),
                                CASE WHEN ? IN ('REJECTED', 'TRANSFERRED') THEN CAST(? AS TIMESTAMPTZ) END, 'x')
                        """).params(code, commune, status, reason, at, status, at).update();
    }
}
