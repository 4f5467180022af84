package vn.binhyen.bench;

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

        String predicate() {
            return switch (role) {
                case "AREA_OFFICER" -> villageIds.isEmpty()
                        ? "t.assigned_officer_id = " + officerId
                        : "(t.village_id IN (" + villageIds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                + ") OR t.assigned_officer_id = " + officerId + ")";
                case "COMMUNE_STAFF", "COMMUNE_CHIEF" -> "t.commune_code = " + literal(unitCode);
                case "PROVINCE_COMMAND" -> "t.province_code = " + literal(provinceCode);
                default -> "FALSE";
            };
        }
    }

    private InboxSql() {}

    /** {@code InboxQuery.find} for page 0 with only {@code q} and the status choice ("OPEN" or "ALL") set. */
    static String inbox(Scope scope, String status, String q) {
        StringBuilder where = new StringBuilder(scope.predicate());
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
        return """
                SELECT t.id, t.code, t.category, t.status, t.channel, t.urgent, t.anonymous,
                       left(t.description, 160) AS excerpt, v.name AS village_name,
                       o.full_name AS officer_name, t.received_at, t.first_answered_at IS NOT NULL AS answered
                  FROM (SELECT * FROM reports.tips t WHERE %s
                         ORDER BY t.urgent DESC, t.received_at DESC LIMIT %d OFFSET %d) t
                  LEFT JOIN directory.villages v ON v.id = t.village_id
                  LEFT JOIN directory.officers o ON o.id = t.assigned_officer_id
                 ORDER BY t.urgent DESC, t.received_at DESC
                """
                .formatted(where, pageSize + 1, 0);
    }

    /** {@code InboxQuery.waitingCount}: the live badge. */
    static String badge(Scope scope) {
        return "SELECT count(*) FROM reports.tips t WHERE t.status = 'RECEIVED' AND " + scope.predicate();
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
