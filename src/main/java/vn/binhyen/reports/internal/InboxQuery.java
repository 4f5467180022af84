package vn.binhyen.reports.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.shared.database.PlannedWithValues;

/**
 * The officer inbox: tips in the officer's scope, filtered, urgent and newest first. One query per page.
 *
 * <p>No transaction: each method is one statement, which sees one snapshot on its own; a read-only transaction around
 * it would only add a round trip (its COMMIT) to every page and every badge.
 */
@Component
public class InboxQuery {

    public record InboxItem(
            long id,
            String code,
            TipCategory category,
            TipStatus status,
            TipChannel channel,
            boolean urgent,
            boolean anonymous,
            String excerpt,
            @Nullable String villageName,
            @Nullable String assignedOfficerName,
            Instant receivedAt,
            boolean answered) {}

    public record InboxPage(List<InboxItem> items, int page, boolean hasNext) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    InboxQuery(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public InboxPage find(AccessScope scope, InboxFilter filter) {
        ScopeSql scopeSql = ScopeSql.of(scope);
        Map<String, Object> params = new HashMap<>(scopeSql.params());
        StringBuilder where = new StringBuilder();
        if (filter.status() != null) {
            where.append(" AND t.status = :status");
            params.put("status", filter.status().name());
        } else if (filter.openOnly()) {
            where.append(" AND t.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS')");
        }
        if (filter.category() != null) {
            where.append(" AND t.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.villageId() != null) {
            where.append(" AND t.village_id = :village");
            params.put("village", filter.villageId());
        }
        if (filter.urgentOnly()) {
            where.append(" AND t.urgent");
        }
        if (filter.mineOnly()) {
            where.append(" AND t.assigned_officer_id = :me");
            params.put("me", scope.officerId());
        }
        String query = filter.q() == null ? "" : TipSearchText.prefixQuery(filter.q());
        if (!query.isEmpty()) {
            where.append(" AND t.search_vector @@ to_tsquery('simple', :q)");
            params.put("q", query);
        }
        int page = Math.max(0, filter.page());
        params.put("limit", InboxFilter.PAGE_SIZE + 1);
        params.put("offset", page * InboxFilter.PAGE_SIZE);
        String pageOfTips;
        if (scopeSql.parts().size() == 1) {
            pageOfTips =
                    "SELECT * FROM reports.tips t WHERE " + scopeSql.parts().getFirst() + where
                            + " ORDER BY t.urgent DESC, t.received_at DESC LIMIT :limit OFFSET :offset";
        } else {
            // Each part of the scope is read newest first from its own index, no further than this page reaches,
            // and the parts are merged; the parts never overlap, so nothing is counted twice.
            params.put("reach", (page + 1) * InboxFilter.PAGE_SIZE + 1);
            pageOfTips = scopeSql.parts().stream()
                            .map(part -> "(SELECT * FROM reports.tips t WHERE " + part + where
                                    + " ORDER BY t.urgent DESC, t.received_at DESC LIMIT :reach)")
                            .collect(Collectors.joining(" UNION ALL ", "SELECT * FROM (", ") t"))
                    + " ORDER BY t.urgent DESC, t.received_at DESC LIMIT :limit OFFSET :offset";
        }
        // Planned with this request's values, as psql would: a cached generic plan cannot see how many tips the words
        // match or how far the page reaches, and for a common word ("xe") it reads every match instead of the newest.
        String sql = """
                        SELECT t.id, t.code, t.category, t.status, t.channel, t.urgent, t.anonymous,
                               left(t.description, 160) AS excerpt, v.name AS village_name,
                               o.full_name AS officer_name, t.received_at, t.first_answered_at IS NOT NULL AS answered
                          FROM (%s) t
                          LEFT JOIN directory.villages v ON v.id = t.village_id
                          LEFT JOIN directory.officers o ON o.id = t.assigned_officer_id
                         ORDER BY t.urgent DESC, t.received_at DESC
                        """.formatted(pageOfTips);
        List<InboxItem> rows = jdbcTemplate.query(
                new PlannedWithValues(sql, params),
                (rs, n) -> new InboxItem(
                        rs.getLong("id"),
                        rs.getString("code"),
                        TipCategory.valueOf(rs.getString("category")),
                        TipStatus.valueOf(rs.getString("status")),
                        TipChannel.valueOf(rs.getString("channel")),
                        rs.getBoolean("urgent"),
                        rs.getBoolean("anonymous"),
                        rs.getString("excerpt"),
                        rs.getString("village_name"),
                        rs.getString("officer_name"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getBoolean("answered")));
        boolean hasNext = rows.size() > InboxFilter.PAGE_SIZE;
        return new InboxPage(hasNext ? rows.subList(0, InboxFilter.PAGE_SIZE) : rows, page, hasNext);
    }

    /** New tips nobody has picked up yet: the live badge. */
    public long waitingCount(AccessScope scope) {
        ScopeSql scopeSql = ScopeSql.of(scope);
        return jdbc.sql("SELECT count(*) FROM reports.tips t WHERE t.status = 'RECEIVED' AND " + scopeSql.predicate())
                .params(scopeSql.params())
                .query(Long.class)
                .single();
    }
}
