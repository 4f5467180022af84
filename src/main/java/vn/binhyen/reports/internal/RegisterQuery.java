package vn.binhyen.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.reports.DocketState;
import vn.binhyen.reports.ReportKind;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.shared.VietnamTime;

/** The register as a table: the chief's filters, the overdue count, the officer's alerts and export rows. */
@Component
@Transactional(readOnly = true)
public class RegisterQuery {

    public static final int PAGE_SIZE = 50;

    /** Which clocks to show: overdue, due soon (inside the warning), running, or none. */
    public enum ClockFilter {
        OVERDUE,
        DUE_SOON,
        RUNNING,
        NONE
    }

    public record Filter(
            @Nullable ReportKind kind,
            @Nullable DocketState state,
            @Nullable ClockFilter clock,
            @Nullable Long officerId,
            @Nullable Long villageId,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int page) {

        /** Typed into the address: a page far past the end is the last one there could be, dates as far as days go. */
        public Filter {
            from = from == null ? null : within(from);
            to = to == null ? null : within(to);
            page = Math.clamp(page, 0, MAX_PAGE);
        }

        public static Filter all() {
            return new Filter(null, null, null, null, null, null, null, 0);
        }
    }

    /** One line of the register as the console and the exports show it. Never the reporter's identity. */
    public record Line(
            long entryId,
            long tipId,
            String tipCode,
            String communeCode,
            int year,
            int number,
            Instant receivedAt,
            TipChannel channel,
            @Nullable String receivingOfficer,
            String summary,
            @Nullable ReportKind kind,
            DocketState state,
            boolean urgent,
            boolean anonymous,
            boolean identityOnFile,
            @Nullable String assignedOfficer,
            @Nullable String villageName,
            @Nullable Instant nextDueAt,
            @Nullable Long correctsEntryId,
            @Nullable String correctionReason,
            @Nullable String correctedLabel,
            @Nullable String lastDecision,
            @Nullable Instant protectionRequestedAt) {

        public String label() {
            return number + "/" + year;
        }

        public boolean overdue(Instant now) {
            return nextDueAt != null && !now.isBefore(nextDueAt);
        }
    }

    public record Alert(
            long tipId, String tipCode, ClockKind clock, ClockWatch.Level level, Instant dueAt, Instant raisedAt) {}

    public record Page(List<Line> lines, int page, boolean hasNext, long overdue) {}

    private static final String NEXT_DUE = """
            LEAST(
              CASE d.state WHEN 'AWAITING_TRANSFER' THEN d.transfer_due_at
                           WHEN 'UNDER_RESOLUTION' THEN d.resolution_due_at END,
              CASE WHEN d.urgent AND d.immediately_reported_at IS NULL
                        AND d.state IN ('UNCLASSIFIED', 'AWAITING_TRANSFER', 'UNDER_RESOLUTION')
                   THEN d.immediate_report_due_at END,
              d.procuracy_due_at)
            """;

    /**
     * The unit's dockets past a deadline at {@code :now}: exactly those whose {@link #NEXT_DUE} is at or before it
     * (LEAST skips the clocks that are not running), found from each kind of clock's partial index for the unit
     * instead of computing every docket's next deadline, so that the count on every inbox page reads only the unit's
     * overdue dockets.
     */
    private static String overdueDockets(ScopeSql scope) {
        return docketsWhoseClock("<= :now", scope.docketUnit());
    }

    /** The unit's dockets with a clock running, past or not: {@link #NEXT_DUE} is not null exactly for them. */
    private static String runningDockets(ScopeSql scope) {
        return docketsWhoseClock("IS NOT NULL", scope.docketUnit());
    }

    /**
     * The dockets of the unit with a clock of any kind (the four parts of {@link #NEXT_DUE}) whose deadline meets the
     * condition (V8's indexes, one per kind of clock and level of unit).
     */
    private static String docketsWhoseClock(String condition, String unit) {
        return """
                SELECT d.tip_id FROM reports.dockets d
                 WHERE %2$s AND d.state = 'AWAITING_TRANSFER' AND d.transfer_due_at %1$s
                UNION
                SELECT d.tip_id FROM reports.dockets d
                 WHERE %2$s AND d.state = 'UNDER_RESOLUTION' AND d.resolution_due_at %1$s
                UNION
                SELECT d.tip_id FROM reports.dockets d
                 WHERE %2$s AND d.urgent AND d.immediately_reported_at IS NULL AND d.immediate_report_due_at %1$s
                   AND d.state IN ('UNCLASSIFIED', 'AWAITING_TRANSFER', 'UNDER_RESOLUTION')
                UNION
                SELECT d.tip_id FROM reports.dockets d
                 WHERE %2$s AND d.procuracy_due_at %1$s
                """.formatted(condition, unit);
    }

    /** When a line went into the book: an original when the report came in, a correction when it was written. */
    private static final String BOOK_TIME =
            "(CASE WHEN e.corrects_entry_id IS NULL THEN e.received_at ELSE e.entered_at END)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LegalClocks clocks;

    RegisterQuery(JdbcClient jdbc, Clock clock, LegalClocks clocks) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clocks = clocks;
    }

    /** The current lines (a corrected line gives way to its correction), overdue first, newest first. */
    public Page find(AccessScope scope, Filter filter) {
        Instant now = clock.instant();
        ScopeSql scopeSql = ScopeSql.of(scope);
        Map<String, Object> params = new HashMap<>(scopeSql.params());
        StringBuilder where = new StringBuilder(scopeSql.predicate());
        where.append(" AND NOT EXISTS (SELECT 1 FROM reports.register_entries c WHERE c.corrects_entry_id = e.id)");
        filters(filter, scopeSql, where, params, now);
        int page = Math.max(0, filter.page());
        params.put("limit", PAGE_SIZE + 1);
        params.put("offset", page * PAGE_SIZE);
        params.put("now", RegisterStore.ts(now));
        // The page's lines are chosen first, overdue ones (few) then the others, each part read newest first from the
        // register's own order and no further than the page reaches; only those lines get their columns and deadlines.
        // Ordering every line of a ward by its next deadline read all 60,000 of them (1.2 s a page).
        params.put("reach", (page + 1) * PAGE_SIZE + 1);
        // The overdue dockets are found once for both parts.
        String chosen = """
                WITH overdue AS MATERIALIZED (%2$s)
                SELECT id FROM (
                  (SELECT e.id, 0 AS part, e.register_year, e.register_number %1$s
                      AND e.tip_id IN (SELECT tip_id FROM overdue)
                    ORDER BY e.register_year DESC, e.register_number DESC LIMIT :reach)
                  UNION ALL
                  (SELECT e.id, 1 AS part, e.register_year, e.register_number %1$s
                      AND e.tip_id NOT IN (SELECT tip_id FROM overdue)
                    ORDER BY e.register_year DESC, e.register_number DESC LIMIT :reach)
                ) p ORDER BY part, register_year DESC, register_number DESC LIMIT :limit OFFSET :offset
                """.formatted(from(where.toString()), overdueDockets(scopeSql));
        List<Line> lines = jdbc.sql(select("e.id IN (" + chosen + ")")
                        + " ORDER BY (next_due IS NOT NULL AND next_due <= :now) DESC, e.register_year DESC,"
                        + " e.register_number DESC")
                .params(params)
                .query(RegisterQuery::line)
                .list();
        boolean hasNext = lines.size() > PAGE_SIZE;
        return new Page(hasNext ? lines.subList(0, PAGE_SIZE) : lines, page, hasNext, overdueCount(scope));
    }

    /**
     * The first and last days a period can name. Beyond them Java's instants overflow and PostgreSQL's timestamps end;
     * nothing in a register lies there.
     */
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    /** No register has this many pages (100,000 lines a page): beyond it the offset would overflow. */
    static final int MAX_PAGE = 1_000_000;

    static LocalDate within(LocalDate day) {
        return day.isBefore(FIRST_DAY) ? FIRST_DAY : day.isAfter(LAST_DAY) ? LAST_DAY : day;
    }

    /** Every line of a period, corrections included, in register order: the paper register's layout. */
    public List<Line> period(AccessScope scope, LocalDate from, LocalDate to) {
        from = within(from);
        to = within(to);
        ScopeSql scopeSql = ScopeSql.of(scope);
        Map<String, Object> params = new HashMap<>(scopeSql.params());
        params.put("from", RegisterStore.ts(from.atStartOfDay(VietnamTime.ZONE).toInstant()));
        params.put(
                "to",
                RegisterStore.ts(to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant()));
        params.put("now", RegisterStore.ts(clock.instant()));
        return jdbc.sql(select(scopeSql.predicate() + " AND " + BOOK_TIME + " >= :from AND " + BOOK_TIME + " < :to")
                        + " ORDER BY e.commune_code, e.register_year, e.register_number")
                .params(params)
                .query(RegisterQuery::line)
                .list();
    }

    /**
     * Shown on every inbox page: one statement, so no transaction of its own (it would add a round trip). A commune's
     * or a province's overdue dockets are its overdue tips: counted from the clock indexes alone. With a country's
     * backlog beside the benchmark's province, joining the tips made the planner read them all (0.2-0.5 s).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long overdueCount(AccessScope scope) {
        ScopeSql scopeSql = ScopeSql.of(scope);
        Map<String, Object> params = new HashMap<>(scopeSql.params());
        params.put("now", RegisterStore.ts(clock.instant()));
        String sql = scopeSql.docketUnitIsScope()
                ? "SELECT count(*) FROM (" + overdueDockets(scopeSql) + ") o"
                : "SELECT count(*) FROM reports.tips t WHERE " + scopeSql.predicate() + " AND t.id IN ("
                        + overdueDockets(scopeSql) + ")";
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A reporter's request for protection the chief has still to forward. */
    public record ProtectionRequest(long tipId, String tipCode, Instant requestedAt) {}

    /** Protection requests in scope not yet forwarded to the investigation body, oldest first. */
    public List<ProtectionRequest> protectionRequestsWaiting(AccessScope scope, int limit) {
        ScopeSql scopeSql = ScopeSql.of(scope);
        Map<String, Object> params = new HashMap<>(scopeSql.params());
        params.put("limit", limit);
        return jdbc.sql("""
                        SELECT t.id, t.code, d.protection_requested_at
                          FROM reports.dockets d JOIN reports.tips t ON t.id = d.tip_id
                         WHERE d.protection_requested_at IS NOT NULL AND %s
                           AND NOT EXISTS (SELECT 1 FROM reports.docket_events e
                                            WHERE e.tip_id = d.tip_id AND e.type = 'PROTECTION_FORWARDED')
                         ORDER BY d.protection_requested_at LIMIT :limit
                        """.formatted(scopeSql.predicate()))
                .params(params)
                .query((rs, n) -> new ProtectionRequest(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getTimestamp("protection_requested_at").toInstant()))
                .list();
    }

    /** Alerts for this officer: addressed to them, or to their role over reports in their scope. */
    public List<Alert> alerts(AccessScope scope, int limit) {
        ScopeSql scopeSql = ScopeSql.of(scope);
        Map<String, Object> params = new HashMap<>(scopeSql.params());
        params.put("me", scope.officerId());
        params.put("role", scope.role().name());
        params.put("limit", limit);
        return jdbc.sql("""
                        SELECT a.tip_id, t.code, a.clock, a.level, a.due_at, a.raised_at
                          FROM reports.clock_alerts a JOIN reports.tips t ON t.id = a.tip_id
                         WHERE (a.officer_id = :me OR a.recipient_role = :role) AND %s
                         ORDER BY a.raised_at DESC, a.id DESC LIMIT :limit
                        """.formatted(scopeSql.predicate()))
                .params(params)
                .query((rs, n) -> new Alert(
                        rs.getLong("tip_id"),
                        rs.getString("code"),
                        ClockKind.valueOf(rs.getString("clock")),
                        ClockWatch.Level.valueOf(rs.getString("level")),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("raised_at").toInstant()))
                .list();
    }

    private void filters(Filter filter, ScopeSql scope, StringBuilder where, Map<String, Object> params, Instant now) {
        if (filter.kind() != null) {
            where.append(" AND d.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.state() != null) {
            where.append(" AND d.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.officerId() != null) {
            where.append(" AND t.assigned_officer_id = :officer");
            params.put("officer", filter.officerId());
        }
        if (filter.villageId() != null) {
            where.append(" AND t.village_id = :village");
            params.put("village", filter.villageId());
        }
        if (filter.from() != null) {
            where.append(" AND e.received_at >= :from");
            params.put(
                    "from",
                    RegisterStore.ts(
                            filter.from().atStartOfDay(VietnamTime.ZONE).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND e.received_at < :to");
            params.put(
                    "to",
                    RegisterStore.ts(filter.to()
                            .plusDays(1)
                            .atStartOfDay(VietnamTime.ZONE)
                            .toInstant()));
        }
        if (filter.clock() != null) {
            params.put("soon", RegisterStore.ts(now.plus(clocks.rules().resolutionWarning())));
            where.append(
                    switch (filter.clock()) {
                        case OVERDUE -> " AND e.tip_id IN (" + overdueDockets(scope) + ")";
                        case DUE_SOON ->
                            " AND e.tip_id IN (" + runningDockets(scope) + ") AND " + NEXT_DUE + " > :now AND "
                                    + NEXT_DUE
                                    + " <= :soon";
                        case RUNNING ->
                            " AND e.tip_id IN (" + runningDockets(scope) + ") AND e.tip_id NOT IN ("
                                    + overdueDockets(scope) + ")";
                        case NONE -> " AND e.tip_id NOT IN (" + runningDockets(scope) + ")";
                    });
        }
    }

    private static String select(String where) {
        return """
                SELECT * FROM (
                  SELECT e.id AS entry_id, e.tip_id, t.code, e.commune_code, e.register_year, e.register_number,
                         e.received_at, e.channel, ro.full_name AS receiving_officer, e.summary, d.kind, d.state,
                         d.urgent, t.anonymous, d.protection_requested_at,
                         EXISTS (SELECT 1 FROM reports.reporter_identities ri WHERE ri.tip_id = t.id) AS identity_on_file,
                         ao.full_name AS assigned_officer, v.name AS village_name, %s AS next_due,
                         e.corrects_entry_id, e.correction_reason,
                         (SELECT o.register_number || '/' || o.register_year FROM reports.register_entries o
                           WHERE o.id = e.corrects_entry_id) AS corrected_label,
                         (SELECT ev.type || coalesce(': ' || ev.decided_by, '') FROM reports.docket_events ev
                           WHERE ev.tip_id = t.id AND ev.type IN ('TRANSFERRED', 'INITIATED', 'NOT_INITIATED',
                                 'SUSPENDED', 'RESUMED', 'EXTENDED', 'EXTENDED_BY_PROCURACY', 'RESOLUTION_STARTED')
                           ORDER BY ev.id DESC LIMIT 1) AS last_decision
                    FROM reports.register_entries e
                    JOIN reports.tips t ON t.id = e.tip_id
                    JOIN reports.dockets d ON d.tip_id = t.id
                    LEFT JOIN directory.officers ro ON ro.id = e.receiving_officer_id
                    LEFT JOIN directory.officers ao ON ao.id = t.assigned_officer_id
                    LEFT JOIN directory.villages v ON v.id = t.village_id
                   WHERE %s
                ) e
                """.formatted(NEXT_DUE, where);
    }

    /**
     * The lines a filter chooses from. A line is written in its tip's commune and province, and saying so lets the
     * planner turn a commune's or a province's scope on the tip into a range of the register's own index.
     */
    private static String from(String where) {
        return """
                FROM reports.register_entries e
                JOIN reports.tips t ON t.id = e.tip_id AND t.commune_code = e.commune_code
                     AND t.province_code = e.province_code
                JOIN reports.dockets d ON d.tip_id = t.id
               WHERE %s""".formatted(where);
    }

    private static Line line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String kind = rs.getString("kind");
        return new Line(
                rs.getLong("entry_id"),
                rs.getLong("tip_id"),
                rs.getString("code"),
                rs.getString("commune_code"),
                rs.getInt("register_year"),
                rs.getInt("register_number"),
                rs.getTimestamp("received_at").toInstant(),
                TipChannel.valueOf(rs.getString("channel")),
                rs.getString("receiving_officer"),
                rs.getString("summary"),
                kind == null ? null : ReportKind.valueOf(kind),
                DocketState.valueOf(rs.getString("state")),
                rs.getBoolean("urgent"),
                rs.getBoolean("anonymous"),
                rs.getBoolean("identity_on_file"),
                rs.getString("assigned_officer"),
                rs.getString("village_name"),
                RegisterStore.instant(rs, "next_due"),
                rs.getObject("corrects_entry_id", Long.class),
                rs.getString("correction_reason"),
                rs.getString("corrected_label"),
                rs.getString("last_decision"),
                RegisterStore.instant(rs, "protection_requested_at"));
    }
}
