package vn.binhyen.insights.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.insights.internal.Unit.Level;

/**
 * Figures that are a state rather than a count of events: pages connected, followers, groups and their members,
 * reports overdue now. Each is one indexed statement over the owning module's tables, per unit or per child unit
 * (read-only; see docs/decisions/0006-insights-rollups.md), cheap enough to compute on every dashboard view.
 */
@Component
@Transactional(readOnly = true)
public class CurrentState {

    /**
     * @param pages commune pages (Zalo OA) bound, and connected
     * @param followers residents following the pages now; follows and unfollows in the period
     * @param villagesWithGroup villages with a community group that has members, out of all villages
     */
    public record Reach(
            long pages,
            long pagesConnected,
            long followers,
            long follows,
            long unfollows,
            long groups,
            long groupMembers,
            long villages,
            long villagesWithGroup) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    CurrentState(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The SQL predicate on a commune code column that selects a unit's communes. */
    private static String communes(Unit unit, String column) {
        return switch (unit.level()) {
            case PROVINCE ->
                column + " IN (SELECT code FROM directory.administrative_units WHERE province_code = :unit"
                        + " AND level = 'COMMUNE')";
            case COMMUNE, VILLAGE -> column + " = :commune";
        };
    }

    public Reach reach(Unit unit, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unit.key());
        params.put("commune", unit.communeCode() == null ? "" : unit.communeCode());
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        long[] pages = new long[] {0, 0, 0, 0, 0};
        if (unit.level() != Level.VILLAGE) {
            // Pages and followers belong to a commune; a village has none of its own.
            pages = jdbc.sql("SELECT count(*), count(*) FILTER (WHERE o.connection_status = 'CONNECTED'),"
                            + " (SELECT count(*) FROM zalo.followers f JOIN zalo.official_accounts a"
                            + " ON a.oa_id = f.oa_id WHERE f.following AND " + communes(unit, "a.commune_code") + "),"
                            + " (SELECT coalesce(sum(d.follows), 0) FROM zalo.follower_daily_counts d"
                            + " JOIN zalo.official_accounts a ON a.oa_id = d.oa_id WHERE d.day BETWEEN :from AND :to"
                            + " AND " + communes(unit, "a.commune_code") + "),"
                            + " (SELECT coalesce(sum(d.unfollows), 0) FROM zalo.follower_daily_counts d"
                            + " JOIN zalo.official_accounts a ON a.oa_id = d.oa_id WHERE d.day BETWEEN :from AND :to"
                            + " AND " + communes(unit, "a.commune_code") + ")"
                            + " FROM zalo.official_accounts o WHERE " + communes(unit, "o.commune_code"))
                    .params(params)
                    .query((rs, n) ->
                            new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                    .single();
        }
        String villages = unit.level() == Level.VILLAGE
                ? "v.id = " + Long.parseLong(unit.key())
                : communes(unit, "v.commune_code");
        long[] groups = jdbc.sql("SELECT count(DISTINCT v.id), count(g.id), coalesce(sum(g.member_count), 0),"
                        + " count(DISTINCT v.id) FILTER (WHERE g.member_count > 0)"
                        + " FROM directory.villages v LEFT JOIN directory.community_groups g ON g.village_id = v.id"
                        + " WHERE " + villages)
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        return new Reach(pages[0], pages[1], pages[2], pages[3], pages[4], groups[1], groups[2], groups[0], groups[3]);
    }

    /** Reports whose legal clock has run out and that are still waiting for a transfer or a decision, now. */
    public long overdue(Unit unit) {
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unit.key());
        params.put("commune", unit.communeCode() == null ? "" : unit.communeCode());
        params.put("now", Timestamp.from(clock.instant()));
        String where = unit.level() == Level.VILLAGE
                ? "t.village_id = " + Long.parseLong(unit.key())
                : communes(unit, "t.commune_code");
        return jdbc.sql("SELECT count(*) FROM reports.dockets d JOIN reports.tips t ON t.id = d.tip_id WHERE " + where
                        + " AND ((d.state = 'AWAITING_TRANSFER' AND d.transfer_due_at < :now)"
                        + " OR (d.state = 'UNDER_RESOLUTION' AND d.resolution_due_at < :now))")
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Overdue reports now, per child commune of a province or child village of a commune. */
    public Map<String, Long> overdueByChild(Unit unit) {
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unit.key());
        params.put("commune", unit.communeCode() == null ? "" : unit.communeCode());
        params.put("now", Timestamp.from(clock.instant()));
        String child = unit.level() == Level.PROVINCE ? "t.commune_code" : "t.village_id::text";
        Map<String, Long> overdue = new HashMap<>();
        if (unit.level() == Level.VILLAGE) {
            return overdue;
        }
        jdbc.sql("SELECT " + child + " AS unit, count(*) AS n FROM reports.dockets d JOIN reports.tips t"
                        + " ON t.id = d.tip_id WHERE " + communes(unit, "t.commune_code")
                        + " AND ((d.state = 'AWAITING_TRANSFER' AND d.transfer_due_at < :now)"
                        + " OR (d.state = 'UNDER_RESOLUTION' AND d.resolution_due_at < :now)) GROUP BY 1")
                .params(params)
                .query(rs -> {
                    if (rs.getString("unit") != null) {
                        overdue.put(rs.getString("unit"), rs.getLong("n"));
                    }
                });
        return overdue;
    }
}
