package vn.binhyen.reports.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.reports.TipStatus;

/** Tip figures for the unit overview: counts by status and how fast residents get a first answer. */
@Component
@Transactional(readOnly = true)
public class UnitOverviewQuery {

    public record TipFigures(
            Map<TipStatus, Long> byStatus, long receivedLast30Days, @Nullable Duration medianFirstAnswer, long unanswered) {

        public long count(TipStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }

        public long open() {
            return TipStatus.OPEN.stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
        }
    }

    private final JdbcClient jdbc;

    UnitOverviewQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TipFigures figures(AccessScope scope) {
        ScopeSql scopeSql = ScopeSql.of(scope);
        Map<TipStatus, Long> byStatus = new EnumMap<>(TipStatus.class);
        jdbc.sql("SELECT t.status, count(*) AS n FROM reports.tips t WHERE " + scopeSql.predicate() + " GROUP BY t.status")
                .params(scopeSql.params())
                .query(rs -> {
                    byStatus.put(TipStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        var recent = jdbc.sql(
                        """
                        SELECT count(*) AS received,
                               percentile_cont(0.5) WITHIN GROUP (
                                   ORDER BY extract(epoch FROM t.first_answered_at - t.received_at)) AS median_seconds,
                               count(*) FILTER (WHERE t.first_answered_at IS NULL
                                                  AND t.status IN ('RECEIVED','ACCEPTED','ASSIGNED','IN_PROGRESS')) AS unanswered
                          FROM reports.tips t
                         WHERE t.received_at > now() - interval '30 days' AND %s
                        """
                                .formatted(scopeSql.predicate()))
                .params(scopeSql.params())
                .query((rs, n) -> new Object[] {
                    rs.getLong("received"), rs.getObject("median_seconds", Double.class), rs.getLong("unanswered")
                })
                .single();
        Double medianSeconds = (Double) recent[1];
        return new TipFigures(
                byStatus,
                (Long) recent[0],
                medianSeconds == null ? null : Duration.ofSeconds(Math.round(medianSeconds)),
                (Long) recent[2]);
    }
}
