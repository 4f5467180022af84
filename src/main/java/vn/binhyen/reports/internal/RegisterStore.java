package vn.binhyen.reports.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhyen.reports.DocketEventType;
import vn.binhyen.reports.DocketState;
import vn.binhyen.reports.ReportKind;
import vn.binhyen.reports.TipChannel;

/** SQL for the register: lines (append-only), dockets (optimistic lock), their events, reveals and alerts. */
@Repository
public class RegisterStore {

    private final JdbcClient jdbc;

    RegisterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record EntryRow(
            long id,
            long tipId,
            String communeCode,
            int year,
            int number,
            Instant receivedAt,
            TipChannel channel,
            @Nullable Long receivingOfficerId,
            String summary,
            @Nullable Long correctsEntryId,
            @Nullable String correctionReason,
            @Nullable Long enteredBy,
            Instant enteredAt) {

        public String label() {
            return number + "/" + year;
        }
    }

    public record DocketRow(
            long tipId,
            @Nullable ReportKind kind,
            @Nullable String kindReason,
            DocketState state,
            boolean urgent,
            boolean remote,
            Instant receivedAt,
            @Nullable Instant transferDueAt,
            @Nullable Instant resolutionDueAt,
            int extensionCount,
            @Nullable Instant immediateReportDueAt,
            @Nullable Instant immediatelyReportedAt,
            @Nullable Instant protectionRequestedAt,
            @Nullable Instant closedAt,
            int version) {

        /** A new state; leaving the closed states clears the closing time. */
        public DocketRow with(DocketState newState) {
            return copy(
                    kind,
                    kindReason,
                    newState,
                    transferDueAt,
                    resolutionDueAt,
                    extensionCount,
                    immediatelyReportedAt,
                    protectionRequestedAt,
                    newState.isClosed() ? closedAt : null);
        }

        /** A (re)classification: the kind, its note, the state it leads to and the clocks that state runs. */
        public DocketRow classified(
                ReportKind newKind,
                @Nullable String reason,
                DocketState newState,
                @Nullable Instant transferDue,
                @Nullable Instant resolutionDue) {
            return copy(
                    newKind,
                    reason,
                    newState,
                    transferDue,
                    resolutionDue,
                    extensionCount,
                    immediatelyReportedAt,
                    protectionRequestedAt,
                    closedAt);
        }

        /** A state of the resolution clock: started, extended, suspended, resumed. */
        public DocketRow resolution(DocketState newState, @Nullable Instant due, int extensions) {
            return copy(
                    kind,
                    kindReason,
                    newState,
                    transferDueAt,
                    due,
                    extensions,
                    immediatelyReportedAt,
                    protectionRequestedAt,
                    closedAt);
        }

        public DocketRow reportedImmediately(Instant at) {
            return copy(
                    kind,
                    kindReason,
                    state,
                    transferDueAt,
                    resolutionDueAt,
                    extensionCount,
                    at,
                    protectionRequestedAt,
                    closedAt);
        }

        public DocketRow protectionRequested(Instant at) {
            return copy(
                    kind,
                    kindReason,
                    state,
                    transferDueAt,
                    resolutionDueAt,
                    extensionCount,
                    immediatelyReportedAt,
                    at,
                    closedAt);
        }

        /** The one place that lists every field: what a docket change may touch; the rest is carried over. */
        private DocketRow copy(
                @Nullable ReportKind newKind,
                @Nullable String newKindReason,
                DocketState newState,
                @Nullable Instant transferDue,
                @Nullable Instant resolutionDue,
                int extensions,
                @Nullable Instant reportedAt,
                @Nullable Instant protectionAt,
                @Nullable Instant closed) {
            return new DocketRow(
                    tipId,
                    newKind,
                    newKindReason,
                    newState,
                    urgent,
                    remote,
                    receivedAt,
                    transferDue,
                    resolutionDue,
                    extensions,
                    immediateReportDueAt,
                    reportedAt,
                    protectionAt,
                    closed,
                    version);
        }
    }

    public record EventRow(
            long id,
            long tipId,
            DocketEventType type,
            @Nullable Long officerId,
            @Nullable LocalDate decisionDate,
            @Nullable String decidedBy,
            @Nullable String detail,
            @Nullable ReportKind kindBefore,
            @Nullable ReportKind kindAfter,
            @Nullable Instant dueBefore,
            @Nullable Instant dueAfter,
            @Nullable Instant procuracyDueAt,
            @Nullable Long refersTo,
            Instant recordedAt) {}

    public record NewEvent(
            DocketEventType type,
            @Nullable Long officerId,
            @Nullable LocalDate decisionDate,
            @Nullable String decidedBy,
            @Nullable String detail,
            @Nullable ReportKind kindBefore,
            @Nullable ReportKind kindAfter,
            @Nullable Instant dueBefore,
            @Nullable Instant dueAfter,
            @Nullable Instant procuracyDueAt,
            @Nullable Long refersTo) {

        public static NewEvent of(DocketEventType type, @Nullable Long officerId, @Nullable String detail) {
            return new NewEvent(type, officerId, null, null, detail, null, null, null, null, null, null);
        }
    }

    public record RevealRow(long officerId, String purpose, String reason, Instant at) {}

    /** The next register number of a unit for a year; the counter row's lock keeps numbers unique and gap-free. */
    public int nextNumber(String communeCode, int year) {
        return jdbc.sql("""
                        INSERT INTO reports.register_counters (commune_code, year, last_number) VALUES (?, ?, 1)
                        ON CONFLICT (commune_code, year)
                        DO UPDATE SET last_number = reports.register_counters.last_number + 1
                        RETURNING last_number
                        """).params(communeCode, year).query(Integer.class).single();
    }

    public long insertEntry(
            long tipId,
            String provinceCode,
            String communeCode,
            int year,
            int number,
            Instant receivedAt,
            TipChannel channel,
            @Nullable Long receivingOfficerId,
            String summary,
            @Nullable Long correctsEntryId,
            @Nullable String correctionReason,
            @Nullable Long enteredBy,
            Instant enteredAt) {
        return jdbc.sql("""
                        INSERT INTO reports.register_entries (tip_id, province_code, commune_code, register_year,
                            register_number, received_at, channel, receiving_officer_id, summary, corrects_entry_id,
                            correction_reason, entered_by, entered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(
                        tipId,
                        provinceCode,
                        communeCode,
                        year,
                        number,
                        ts(receivedAt),
                        channel.name(),
                        receivingOfficerId,
                        summary,
                        correctsEntryId,
                        correctionReason,
                        enteredBy,
                        ts(enteredAt))
                .query(Long.class)
                .single();
    }

    public List<EntryRow> entries(long tipId) {
        return jdbc.sql("SELECT * FROM reports.register_entries WHERE tip_id = ? ORDER BY id")
                .param(tipId)
                .query(RegisterStore::entry)
                .list();
    }

    /** The docket carries its tip's commune and province so that each unit's clocks have an index of their own. */
    public void openDocket(
            long tipId,
            String communeCode,
            String provinceCode,
            boolean urgent,
            boolean remote,
            Instant receivedAt,
            @Nullable Instant immediateReportDueAt) {
        jdbc.sql("""
                        INSERT INTO reports.dockets (tip_id, commune_code, province_code, state, urgent, remote,
                            received_at, immediate_report_due_at)
                        VALUES (?, ?, ?, 'UNCLASSIFIED', ?, ?, ?, ?)
                        """)
                .params(tipId, communeCode, provinceCode, urgent, remote, ts(receivedAt), ts(immediateReportDueAt))
                .update();
    }

    public Optional<DocketRow> docket(long tipId) {
        return jdbc.sql("SELECT * FROM reports.dockets WHERE tip_id = ?")
                .param(tipId)
                .query(RegisterStore::docket)
                .optional();
    }

    /** Writes the new docket if nobody changed it in between; false when someone did. */
    public boolean update(DocketRow before, DocketRow after, Instant now) {
        return jdbc.sql("""
                        UPDATE reports.dockets SET kind = :kind, kind_reason = :kindReason, state = :state,
                               transfer_due_at = :transferDue, resolution_due_at = :resolutionDue,
                               extension_count = :extensions, immediately_reported_at = :reported,
                               protection_requested_at = :protection,
                               closed_at = CASE WHEN :closed THEN coalesce(closed_at, :now) ELSE NULL END,
                               version = version + 1
                         WHERE tip_id = :tip AND version = :version
                        """)
                        .param(
                                "kind",
                                after.kind() == null ? null : after.kind().name())
                        .param("kindReason", after.kindReason())
                        .param("state", after.state().name())
                        .param("transferDue", ts(after.transferDueAt()))
                        .param("resolutionDue", ts(after.resolutionDueAt()))
                        .param("extensions", after.extensionCount())
                        .param("reported", ts(after.immediatelyReportedAt()))
                        .param("protection", ts(after.protectionRequestedAt()))
                        .param("closed", after.state().isClosed())
                        .param("now", ts(now))
                        .param("tip", before.tipId())
                        .param("version", before.version())
                        .update()
                == 1;
    }

    public long addEvent(long tipId, NewEvent e, Instant at) {
        return jdbc.sql("""
                        INSERT INTO reports.docket_events (tip_id, type, officer_id, decision_date, decided_by, detail,
                            kind_before, kind_after, due_before, due_after, procuracy_due_at, refers_to, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(
                        tipId,
                        e.type().name(),
                        e.officerId(),
                        e.decisionDate() == null ? null : Date.valueOf(e.decisionDate()),
                        e.decidedBy(),
                        e.detail(),
                        e.kindBefore() == null ? null : e.kindBefore().name(),
                        e.kindAfter() == null ? null : e.kindAfter().name(),
                        ts(e.dueBefore()),
                        ts(e.dueAfter()),
                        ts(e.procuracyDueAt()),
                        e.refersTo(),
                        ts(at))
                .query(Long.class)
                .single();
    }

    public List<EventRow> events(long tipId) {
        return jdbc.sql("SELECT * FROM reports.docket_events WHERE tip_id = ? ORDER BY id")
                .param(tipId)
                .query(RegisterStore::event)
                .list();
    }

    /** Decisions still waiting to be sent to the Procuracy. */
    public List<EventRow> procuracyOutstanding(long tipId) {
        return jdbc.sql("""
                        SELECT * FROM reports.docket_events d
                         WHERE d.tip_id = ? AND d.procuracy_due_at IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM reports.docket_events n
                                            WHERE n.refers_to = d.id AND n.type = 'PROCURACY_NOTIFIED')
                         ORDER BY d.id
                        """).param(tipId).query(RegisterStore::event).list();
    }

    public void addReveal(long tipId, long officerId, String purpose, String reason, Instant at) {
        jdbc.sql("INSERT INTO reports.identity_reveals (tip_id, officer_id, purpose, reason, revealed_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(tipId, officerId, purpose, reason, ts(at))
                .update();
    }

    public List<RevealRow> reveals(long tipId) {
        return jdbc.sql("SELECT * FROM reports.identity_reveals WHERE tip_id = ? ORDER BY id")
                .param(tipId)
                .query((rs, n) -> new RevealRow(
                        rs.getLong("officer_id"),
                        rs.getString("purpose"),
                        rs.getString("reason"),
                        rs.getTimestamp("revealed_at").toInstant()))
                .list();
    }

    public Optional<byte[]> sealedIdentity(long tipId) {
        return jdbc.sql("SELECT sealed FROM reports.reporter_identities WHERE tip_id = ?")
                .param(tipId)
                .query(byte[].class)
                .optional();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static EntryRow entry(ResultSet rs, int row) throws SQLException {
        return new EntryRow(
                rs.getLong("id"),
                rs.getLong("tip_id"),
                rs.getString("commune_code"),
                rs.getInt("register_year"),
                rs.getInt("register_number"),
                rs.getTimestamp("received_at").toInstant(),
                TipChannel.valueOf(rs.getString("channel")),
                rs.getObject("receiving_officer_id", Long.class),
                rs.getString("summary"),
                rs.getObject("corrects_entry_id", Long.class),
                rs.getString("correction_reason"),
                rs.getObject("entered_by", Long.class),
                rs.getTimestamp("entered_at").toInstant());
    }

    static DocketRow docket(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        return new DocketRow(
                rs.getLong("tip_id"),
                kind == null ? null : ReportKind.valueOf(kind),
                rs.getString("kind_reason"),
                DocketState.valueOf(rs.getString("state")),
                rs.getBoolean("urgent"),
                rs.getBoolean("remote"),
                rs.getTimestamp("received_at").toInstant(),
                instant(rs, "transfer_due_at"),
                instant(rs, "resolution_due_at"),
                rs.getInt("extension_count"),
                instant(rs, "immediate_report_due_at"),
                instant(rs, "immediately_reported_at"),
                instant(rs, "protection_requested_at"),
                instant(rs, "closed_at"),
                rs.getInt("version"));
    }

    static EventRow event(ResultSet rs, int row) throws SQLException {
        Date date = rs.getDate("decision_date");
        String before = rs.getString("kind_before");
        String after = rs.getString("kind_after");
        return new EventRow(
                rs.getLong("id"),
                rs.getLong("tip_id"),
                DocketEventType.valueOf(rs.getString("type")),
                rs.getObject("officer_id", Long.class),
                date == null ? null : date.toLocalDate(),
                rs.getString("decided_by"),
                rs.getString("detail"),
                before == null ? null : ReportKind.valueOf(before),
                after == null ? null : ReportKind.valueOf(after),
                instant(rs, "due_before"),
                instant(rs, "due_after"),
                instant(rs, "procuracy_due_at"),
                rs.getObject("refers_to", Long.class),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
