package vn.binhyen.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.binhyen.reports.internal.TipSearchText;

/**
 * The SQL that {@code vn.binhyen.reports.internal.InboxQuery} sends for one request, with the parameters written in as
 * literals so that psql/pgbench can run it as is. Keep it in step with {@code InboxQuery} and {@code ScopeSql}: the
 * bench checks before measuring that this SQL returns exactly the tips the page shows, and stops if it does not.
 */
final class InboxSql {

    /** An officer's scope as {@code Accounts.scopeOf} builds it. */
    record Scope(long officerId, String role, String unitCode, String provinceCode, List<Long> villageIds) {

        /** {@code ScopeSql.predicate}: the whole scope as one condition. */
        String predicate() {
            return switch (role) {
                case "AREA_OFFICER" -> villageIds.isEmpty()
                        ? "t.assigned_officer_id = " + officerId
                        : "(t.village_id IN (" + villages() + ") OR t.assigned_officer_id = " + officerId + ")";
                case "COMMUNE_STAFF", "COMMUNE_CHIEF" -> "t.commune_code = " + literal(unitCode);
                case "PROVINCE_COMMAND" -> "t.province_code = " + literal(provinceCode);
                default -> "FALSE";
            };
        }

        /** {@code ScopeSql.parts}: disjoint parts, one per village and one for what is assigned elsewhere. */
        List<String> parts() {
            if (!role.equals("AREA_OFFICER") || villageIds.isEmpty()) {
                return List.of(predicate());
            }
            List<String> parts = new ArrayList<>();
            villageIds.stream().sorted().forEach(v -> parts.add("t.village_id = " + v));
            parts.add("t.assigned_officer_id = " + officerId + " AND (t.village_id IS NULL OR t.village_id NOT IN ("
                    + villages() + "))");
            return parts;
        }

        private String villages() {
            return villageIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    private InboxSql() {}

    /** {@code InboxQuery.find} for page 0 with only {@code q} and the status choice ("OPEN" or "ALL") set. */
    static String inbox(Scope scope, String status, String q) {
        StringBuilder where = new StringBuilder();
        if ("OPEN".equals(status)) {
            where.append(" AND t.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS')");
        } else if (!"ALL".equals(status)) {
            where.append(" AND t.status = ").append(literal(status));
        }
        String query = q == null ? "" : TipSearchText.prefixQuery(q);
        if (!query.isEmpty()) {
            where.append(" AND t.search_vector @@ to_tsquery('simple', ").append(literal(query)).append(")");
        }
        int pageSize = 25;
        int page = 0;
        List<String> parts = scope.parts();
        String pageOfTips;
        if (parts.size() == 1) {
            pageOfTips = "SELECT * FROM reports.tips t WHERE " + parts.getFirst() + where
                    + " ORDER BY t.urgent DESC, t.received_at DESC LIMIT " + (pageSize + 1) + " OFFSET " + page * pageSize;
        } else {
            int reach = (page + 1) * pageSize + 1;
            pageOfTips = parts.stream()
                            .map(part -> "(SELECT * FROM reports.tips t WHERE " + part + where
                                    + " ORDER BY t.urgent DESC, t.received_at DESC LIMIT " + reach + ")")
                            .collect(Collectors.joining(" UNION ALL ", "SELECT * FROM (", ") t"))
                    + " ORDER BY t.urgent DESC, t.received_at DESC LIMIT " + (pageSize + 1) + " OFFSET " + page * pageSize;
        }
        return """
                SELECT t.id, t.code, t.category, t.status, t.channel, t.urgent, t.anonymous,
                       left(t.description, 160) AS excerpt, v.name AS village_name,
                       o.full_name AS officer_name, t.received_at, t.first_answered_at IS NOT NULL AS answered
                  FROM (%s) t
                  LEFT JOIN directory.villages v ON v.id = t.village_id
                  LEFT JOIN directory.officers o ON o.id = t.assigned_officer_id
                 ORDER BY t.urgent DESC, t.received_at DESC
                """
                .formatted(pageOfTips);
    }

    /** {@code InboxQuery.waitingCount}: the live badge. */
    static String badge(Scope scope) {
        return "SELECT count(*) FROM reports.tips t WHERE t.status = 'RECEIVED' AND " + scope.predicate();
    }

    /**
     * {@code RegisterQuery.overdueCount} for a commune's or a province's scope ({@code unit} is {@code "commune_code"}
     * or {@code "province_code"}): the unit's dockets past a clock, from the per-unit clock indexes alone (V8).
     */
    static String overdueCount(String unit, String code) {
        String d = "d." + unit + " = " + literal(code) + " AND ";
        return """
                SELECT count(*) FROM (
                  SELECT d.tip_id FROM reports.dockets d WHERE %1$sd.state = 'AWAITING_TRANSFER' AND d.transfer_due_at <= now()
                  UNION SELECT d.tip_id FROM reports.dockets d WHERE %1$sd.state = 'UNDER_RESOLUTION' AND d.resolution_due_at <= now()
                  UNION SELECT d.tip_id FROM reports.dockets d WHERE %1$sd.urgent AND d.immediately_reported_at IS NULL
                           AND d.immediate_report_due_at <= now() AND d.state IN ('UNCLASSIFIED', 'AWAITING_TRANSFER', 'UNDER_RESOLUTION')
                  UNION SELECT d.tip_id FROM reports.dockets d WHERE %1$sd.procuracy_due_at <= now()) o
                """.formatted(d);
    }

    /** V5's national clock indexes, which V8 drops: the count of before V8 is timed with them, as it ran. */
    static final String NATIONAL_CLOCK_INDEXES = """
            CREATE INDEX bench_transfer_due_idx ON reports.dockets (transfer_due_at) INCLUDE (tip_id)
                WHERE state = 'AWAITING_TRANSFER';
            CREATE INDEX bench_resolution_due_idx ON reports.dockets (resolution_due_at) INCLUDE (tip_id)
                WHERE state = 'UNDER_RESOLUTION';
            CREATE INDEX bench_immediate_due_idx ON reports.dockets (immediate_report_due_at) INCLUDE (tip_id, state)
                WHERE urgent AND immediately_reported_at IS NULL;
            ANALYZE reports.dockets;
            """;

    static final String DROP_NATIONAL_CLOCK_INDEXES = """
            DROP INDEX reports.bench_transfer_due_idx;
            DROP INDEX reports.bench_resolution_due_idx;
            DROP INDEX reports.bench_immediate_due_idx;
            """;

    /**
     * The same count as the app sent it before V8, for comparison: every overdue docket in the country (the notices
     * from every decision's event), kept when its tip is in the unit.
     */
    static String overdueCountBeforeV8(String unit, String code) {
        return """
                SELECT count(*) FROM reports.tips t WHERE t.%s = %s AND t.id IN (
                  SELECT d.tip_id FROM reports.dockets d WHERE d.state = 'AWAITING_TRANSFER' AND d.transfer_due_at <= now()
                  UNION SELECT d.tip_id FROM reports.dockets d WHERE d.state = 'UNDER_RESOLUTION' AND d.resolution_due_at <= now()
                  UNION SELECT d.tip_id FROM reports.dockets d WHERE d.urgent AND d.immediately_reported_at IS NULL
                           AND d.immediate_report_due_at <= now() AND d.state IN ('UNCLASSIFIED', 'AWAITING_TRANSFER', 'UNDER_RESOLUTION')
                  UNION SELECT ev.tip_id FROM reports.docket_events ev WHERE ev.procuracy_due_at <= now()
                           AND NOT EXISTS (SELECT 1 FROM reports.docket_events n
                                            WHERE n.refers_to = ev.id AND n.type = 'PROCURACY_NOTIFIED'))
                """.formatted(unit, literal(code));
    }

    /** {@code ClockWatch.AWAITING_ALERT} at {@code now}, with the default rules (warnings 3 days at most, escalation 24 h). */
    static String clockWatch(java.time.Instant now) {
        // to_timestamp(epoch seconds): no colon in the literal, where pgbench would look for its variables.
        return vn.binhyen.reports.internal.ClockWatch.AWAITING_ALERT
                .replace(":horizon", "to_timestamp(" + now.plus(java.time.Duration.ofDays(3)).getEpochSecond() + ")")
                .replace(":now", "to_timestamp(" + now.getEpochSecond() + ")")
                .replace(":escalation", "86400")
                .replace(":requestDays", "5");
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
