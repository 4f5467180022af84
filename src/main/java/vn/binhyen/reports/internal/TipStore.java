package vn.binhyen.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipDecided;
import vn.binhyen.reports.TipFirstAnswered;
import vn.binhyen.reports.TipStatus;

/**
 * SQL for tips and what hangs off them. Messages, notes and status changes are rows of their own, appended and never
 * rewritten, which is why this is explicit SQL rather than an aggregate saved as a whole.
 */
@Repository
public class TipStore {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TipStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A tip's row, as officers see it (never the reporter identity). */
    public record TipRow(
            long id,
            String code,
            String secretHash,
            String provinceCode,
            String communeCode,
            @Nullable Long villageId,
            TipCategory category,
            String description,
            @Nullable Instant occurredAt,
            @Nullable String place,
            @Nullable Double latitude,
            @Nullable Double longitude,
            boolean urgent,
            boolean anonymous,
            TipChannel channel,
            TipStatus status,
            @Nullable String statusReason,
            @Nullable Long assignedOfficerId,
            Instant receivedAt,
            @Nullable Instant firstAnsweredAt,
            @Nullable Instant closedAt,
            int version) {}

    public record MessageRow(
            long id, boolean fromPolice, @Nullable Long officerId, String body, Instant createdAt) {}

    public record NoteRow(long id, long officerId, String body, Instant createdAt) {}

    public record StatusChangeRow(
            @Nullable TipStatus from,
            TipStatus to,
            @Nullable Long officerId,
            @Nullable String reason,
            Instant at) {}

    public record AttachmentRow(
            long id, String fileName, String contentType, int sizeBytes, String sha256, String addedBy, Instant at) {}

    public long insert(TipRow tip, String searchText) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO reports.tips (code, secret_hash, province_code, commune_code, village_id, category,
                            description, occurred_at, place, latitude, longitude, urgent, anonymous, channel, status,
                            received_at, search_text)
                        VALUES (:code, :secretHash, :provinceCode, :communeCode, :villageId, :category, :description,
                            :occurredAt, :place, :latitude, :longitude, :urgent, :anonymous, :channel, :status,
                            :receivedAt, :searchText)
                        """)
                .param("code", tip.code())
                .param("secretHash", tip.secretHash())
                .param("provinceCode", tip.provinceCode())
                .param("communeCode", tip.communeCode())
                .param("villageId", tip.villageId())
                .param("category", tip.category().name())
                .param("description", tip.description())
                .param("occurredAt", timestamp(tip.occurredAt()))
                .param("place", tip.place())
                .param("latitude", tip.latitude())
                .param("longitude", tip.longitude())
                .param("urgent", tip.urgent())
                .param("anonymous", tip.anonymous())
                .param("channel", tip.channel().name())
                .param("status", tip.status().name())
                .param("receivedAt", timestamp(tip.receivedAt()))
                .param("searchText", searchText)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public Optional<TipRow> byId(long id) {
        return jdbc.sql("SELECT * FROM reports.tips WHERE id = ?")
                .param(id)
                .query(TipStore::tip)
                .optional();
    }

    public Optional<TipRow> byCode(String code) {
        return jdbc.sql("SELECT * FROM reports.tips WHERE code = ?")
                .param(code)
                .query(TipStore::tip)
                .optional();
    }

    /**
     * Writes a status change if nobody changed the tip in between (optimistic lock on {@code version}); returns
     * false when someone did, so the caller can tell the officer to reload.
     */
    public boolean updateStatus(
            TipRow tip,
            TipStatus to,
            @Nullable Long assignedOfficerId,
            @Nullable TipCategory category,
            @Nullable String reason,
            Instant at) {
        int updated = jdbc.sql("""
                        UPDATE reports.tips SET status = :status, assigned_officer_id = :assigned,
                               category = :category, status_reason = coalesce(:reason, status_reason),
                               closed_at = CASE WHEN :closed THEN :at ELSE closed_at END, version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                .param("status", to.name())
                .param("assigned", assignedOfficerId)
                .param("category", (category == null ? tip.category() : category).name())
                .param("reason", reason)
                .param("closed", !to.isOpen())
                .param("at", timestamp(at))
                .param("id", tip.id())
                .param("version", tip.version())
                .update();
        if (updated == 1 && !to.isOpen() && tip.status().isOpen()) {
            // Here, and only here, a tip stops being open: the one place to tell figures it was decided.
            events.publishEvent(new TipDecided(
                    tip.id(),
                    tip.provinceCode(),
                    tip.communeCode(),
                    tip.villageId(),
                    to,
                    category == null ? tip.category() : category,
                    tip.receivedAt(),
                    at));
        }
        return updated == 1;
    }

    public void recordStatusChange(
            long tipId,
            @Nullable TipStatus from,
            TipStatus to,
            @Nullable Long officerId,
            @Nullable String reason,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO reports.tip_status_changes (tip_id, from_status, to_status, officer_id, reason, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(tipId, from == null ? null : from.name(), to.name(), officerId, reason, timestamp(at))
                .update();
    }

    public void addMessage(long tipId, boolean fromPolice, @Nullable Long officerId, String body, Instant at) {
        jdbc.sql(
                        "INSERT INTO reports.tip_messages (tip_id, author, officer_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(tipId, fromPolice ? "OFFICER" : "RESIDENT", officerId, body, timestamp(at))
                .update();
        if (fromPolice) {
            // RETURNING yields a row only when this message is the first answer: the event goes out once per tip.
            jdbc.sql("""
                            UPDATE reports.tips SET first_answered_at = ? WHERE id = ? AND first_answered_at IS NULL
                            RETURNING province_code, commune_code, village_id, received_at
                            """)
                    .params(timestamp(at), tipId)
                    .query((rs, n) -> new TipFirstAnswered(
                            tipId,
                            rs.getString("province_code"),
                            rs.getString("commune_code"),
                            rs.getObject("village_id", Long.class),
                            rs.getTimestamp("received_at").toInstant(),
                            at))
                    .optional()
                    .ifPresent(events::publishEvent);
        }
    }

    /** An open tip that went from one officer to another with its village. */
    public record HandedOver(long tipId, String code, long fromOfficerId) {}

    /**
     * Gives the village's open tips that one of {@code from} holds to {@code to}, status unchanged (each keeps where it
     * is in the workflow; only the holder changes).
     */
    public List<HandedOver> handOver(long villageId, java.util.Collection<Long> from, long to) {
        return jdbc.sql("""
                        UPDATE reports.tips t SET assigned_officer_id = :to, version = t.version + 1
                          FROM (SELECT id, assigned_officer_id AS holder FROM reports.tips
                                 WHERE village_id = :village AND assigned_officer_id IN (:from)
                                   AND status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS')
                                 FOR UPDATE) h
                         WHERE t.id = h.id
                        RETURNING t.id, t.code, h.holder
                        """)
                .param("to", to)
                .param("village", villageId)
                .param("from", from)
                .query((rs, n) -> new HandedOver(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    public void addNote(long tipId, long officerId, String body, Instant at) {
        jdbc.sql("INSERT INTO reports.tip_notes (tip_id, officer_id, body, created_at) VALUES (?, ?, ?, ?)")
                .params(tipId, officerId, body, timestamp(at))
                .update();
    }

    public void sealIdentity(long tipId, byte[] sealed) {
        jdbc.sql("INSERT INTO reports.reporter_identities (tip_id, sealed) VALUES (?, ?)")
                .params(tipId, sealed)
                .update();
    }

    public boolean hasIdentity(long tipId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports.reporter_identities WHERE tip_id = ?)")
                .param(tipId)
                .query(Boolean.class)
                .single();
    }

    public void addAttachment(
            long tipId,
            String fileName,
            String contentType,
            byte[] content,
            String sha256,
            String addedBy,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO reports.tip_attachments (tip_id, file_name, content_type, size_bytes, sha256,
                            content, added_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(tipId, fileName, contentType, content.length, sha256, content, addedBy, timestamp(at))
                .update();
    }

    public List<MessageRow> messages(long tipId) {
        return jdbc.sql("SELECT * FROM reports.tip_messages WHERE tip_id = ? ORDER BY created_at, id")
                .param(tipId)
                .query((rs, n) -> new MessageRow(
                        rs.getLong("id"),
                        "OFFICER".equals(rs.getString("author")),
                        rs.getObject("officer_id", Long.class),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public List<NoteRow> notes(long tipId) {
        return jdbc.sql("SELECT * FROM reports.tip_notes WHERE tip_id = ? ORDER BY created_at, id")
                .param(tipId)
                .query((rs, n) -> new NoteRow(
                        rs.getLong("id"),
                        rs.getLong("officer_id"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public List<StatusChangeRow> history(long tipId) {
        return jdbc.sql("SELECT * FROM reports.tip_status_changes WHERE tip_id = ? ORDER BY changed_at, id")
                .param(tipId)
                .query((rs, n) -> new StatusChangeRow(
                        rs.getString("from_status") == null ? null : TipStatus.valueOf(rs.getString("from_status")),
                        TipStatus.valueOf(rs.getString("to_status")),
                        rs.getObject("officer_id", Long.class),
                        rs.getString("reason"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    public List<AttachmentRow> attachments(long tipId) {
        return jdbc.sql("""
                        SELECT id, file_name, content_type, size_bytes, sha256, added_by, created_at
                          FROM reports.tip_attachments WHERE tip_id = ? ORDER BY id
                        """)
                .param(tipId)
                .query((rs, n) -> new AttachmentRow(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getInt("size_bytes"),
                        rs.getString("sha256"),
                        rs.getString("added_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public Optional<byte[]> attachmentContent(long tipId, long attachmentId) {
        return jdbc.sql("SELECT content FROM reports.tip_attachments WHERE tip_id = ? AND id = ?")
                .params(tipId, attachmentId)
                .query(byte[].class)
                .optional();
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static TipRow tip(ResultSet rs, int row) throws SQLException {
        return new TipRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("secret_hash"),
                rs.getString("province_code"),
                rs.getString("commune_code"),
                rs.getObject("village_id", Long.class),
                TipCategory.valueOf(rs.getString("category")),
                rs.getString("description"),
                instant(rs, "occurred_at"),
                rs.getString("place"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getBoolean("urgent"),
                rs.getBoolean("anonymous"),
                TipChannel.valueOf(rs.getString("channel")),
                TipStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getObject("assigned_officer_id", Long.class),
                instant(rs, "received_at"),
                instant(rs, "first_answered_at"),
                instant(rs, "closed_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
