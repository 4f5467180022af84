package vn.binhyen.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that {@code ClockWatch.sweep} sent every minute until session 11, replayed over JDBC in one transaction
 * that is rolled back: every running clock due within three days, then for each of them and each level it has reached
 * (warning, overdue, escalated) the recipient's unit looked up and an {@code INSERT … ON CONFLICT DO NOTHING}, even when
 * the alert had been raised long before. Without Spring around it, so a little less than the app spent.
 */
final class SweepBeforeSession11 {

    record Replay(int clocks, int statements, double millis) {}

    private static final String RUNNING = """
            SELECT c.tip_id, c.clock, c.due_at, t.commune_code, t.province_code, t.assigned_officer_id
              FROM (
                SELECT d.tip_id, 'TRANSFER' AS clock, d.transfer_due_at AS due_at FROM reports.dockets d
                 WHERE d.state = 'AWAITING_TRANSFER' AND d.transfer_due_at <= ?
                UNION ALL
                SELECT d.tip_id, 'IMMEDIATE_REPORT', d.immediate_report_due_at FROM reports.dockets d
                 WHERE d.urgent AND d.immediately_reported_at IS NULL
                   AND d.state IN ('UNCLASSIFIED', 'AWAITING_TRANSFER', 'UNDER_RESOLUTION')
                   AND d.immediate_report_due_at <= ?
                UNION ALL
                SELECT d.tip_id, 'RESOLUTION', d.resolution_due_at FROM reports.dockets d
                 WHERE d.state = 'UNDER_RESOLUTION' AND d.resolution_due_at <= ?
                UNION ALL
                SELECT d.tip_id, 'EXTENSION_REQUEST', d.resolution_due_at - make_interval(days => 5)
                  FROM reports.dockets d
                 WHERE d.state = 'UNDER_RESOLUTION' AND d.extension_count < 2
                   AND NOT EXISTS (SELECT 1 FROM reports.docket_events x
                                    WHERE x.tip_id = d.tip_id AND x.due_before = d.resolution_due_at
                                      AND x.type IN ('EXTENSION_REQUESTED', 'EXTENSION_NOT_NEEDED'))
                   AND d.resolution_due_at - make_interval(days => 5) <= ?
                UNION ALL
                SELECT e.tip_id, 'PROCURACY_NOTICE', e.procuracy_due_at FROM reports.docket_events e
                 WHERE e.procuracy_due_at <= ?
                   AND NOT EXISTS (SELECT 1 FROM reports.docket_events n
                                    WHERE n.refers_to = e.id AND n.type = 'PROCURACY_NOTIFIED')
              ) c JOIN reports.tips t ON t.id = c.tip_id
            """;

    /** {@code Directory.officersOf}, asked once per alert. */
    private static final String OFFICERS_OF = """
            SELECT o.id, o.full_name, o.rank, o.role, o.police_unit_id, u.unit_code, u.name AS unit_name,
                   a.province_code
              FROM directory.officers o
              JOIN directory.police_units u ON u.id = o.police_unit_id
              JOIN directory.administrative_units a ON a.code = u.unit_code
             WHERE u.unit_code = ? AND o.active ORDER BY o.role, o.full_name
            """;

    private static final String RAISE = """
            INSERT INTO reports.clock_alerts (tip_id, clock, level, due_at, recipient_role, officer_id, raised_at)
            VALUES (?, ?, ?, ?, ?, NULL, ?) ON CONFLICT DO NOTHING
            """;

    private SweepBeforeSession11() {}

    static Replay replay(Connection db, Instant now) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        long started = System.nanoTime();
        int clocks = 0;
        int statements = 1;
        try (PreparedStatement running = db.prepareStatement(RUNNING);
                PreparedStatement officers = db.prepareStatement(OFFICERS_OF);
                PreparedStatement raise = db.prepareStatement(RAISE)) {
            Timestamp horizon = Timestamp.from(now.plus(Duration.ofDays(3)));
            for (int i = 1; i <= 5; i++) {
                running.setTimestamp(i, horizon);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = running.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6)});
                }
            }
            for (Object[] row : rows) {
                clocks++;
                String kind = (String) row[1];
                Instant due = ((Timestamp) row[2]).toInstant();
                Duration warning = kind.equals("RESOLUTION") || kind.equals("EXTENSION_REQUEST")
                        ? Duration.ofDays(3)
                        : Duration.ofHours(6);
                List<String> levels = new ArrayList<>();
                if (!now.isBefore(due.minus(warning))) {
                    levels.add("WARNING");
                }
                if (!now.isBefore(due)) {
                    levels.add("OVERDUE");
                }
                if (!now.isBefore(due.plus(Duration.ofHours(24)))) {
                    levels.add("ESCALATED");
                }
                for (String level : levels) {
                    officers.setString(1, level.equals("ESCALATED") ? (String) row[4] : (String) row[3]);
                    try (ResultSet rs = officers.executeQuery()) {
                        while (rs.next()) {
                            // read as Directory.officer maps it
                        }
                    }
                    raise.setLong(1, (Long) row[0]);
                    raise.setString(2, kind);
                    raise.setString(3, level);
                    raise.setTimestamp(4, (Timestamp) row[2]);
                    raise.setString(5, "COMMUNE_CHIEF");
                    raise.setTimestamp(6, Timestamp.from(now));
                    raise.executeUpdate();
                    statements += 2;
                }
            }
            return new Replay(clocks, statements, (System.nanoTime() - started) / 1e6);
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }
}
