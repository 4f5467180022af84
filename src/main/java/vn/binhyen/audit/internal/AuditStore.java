package vn.binhyen.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditRecord;
import vn.binhyen.audit.ChainVerification;
import vn.binhyen.audit.ChainVerification.Problem;

/** SQL for the chain. Writers lock the head row, so entries are chained strictly one after another. */
@Repository
public class AuditStore {

    public record Head(long lastId, String lastHash) {}

    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry to the chain in one statement: lock the head, take the next id, hash, insert, move the head.
     * The head's row lock orders writers across nodes, and it is held only while this statement runs (and until the
     * caller's transaction ends when the entry joins one): every page an officer opens writes an entry, so the time the
     * lock is held bounds how many entries the whole country can write a second. Under READ COMMITTED a writer that
     * waited for the lock reads the head as the writer before it left it.
     */
    public void append(Instant at, AuditEntry entry) {
        jdbc.sql("""
                        WITH head AS (SELECT last_id + 1 AS id, last_hash AS prev FROM audit.chain_head
                                       WHERE singleton FOR UPDATE),
                             next AS (SELECT id, prev, %s AS hash FROM head),
                             moved AS (UPDATE audit.chain_head h SET last_id = next.id, last_hash = next.hash
                                         FROM next WHERE h.singleton)
                        INSERT INTO audit.entries (id, recorded_at, actor, officer_id, action, subject, detail,
                                                   prev_hash, hash)
                        SELECT id, :at, :actor, :officerId, :action, :subject, :detail, prev, hash FROM next
                        """.formatted(AuditHashing.HASH_IN_SQL))
                .param("body", AuditHashing.body(at, entry))
                .param("at", Timestamp.from(at))
                .param("actor", entry.actor())
                .param("officerId", entry.officerId(), java.sql.Types.BIGINT)
                .param("action", entry.action().name())
                .param("subject", entry.subject(), java.sql.Types.VARCHAR)
                .param("detail", entry.detail(), java.sql.Types.VARCHAR)
                .update();
    }

    public List<AuditRecord> about(String subject) {
        return jdbc.sql("SELECT * FROM audit.entries WHERE subject = ? ORDER BY id")
                .param(subject)
                .query(AuditStore::record)
                .list();
    }

    public List<AuditRecord> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit.entries ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(AuditStore::record)
                .list();
    }

    /**
     * Streams the chain in id order and recomputes every hash. Reads in pages so a long chain never sits in memory.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        long checked = 0;
        long expectedId = 1;
        String prevHash = AuditHashing.GENESIS;
        while (true) {
            List<AuditRecord> page = jdbc.sql("SELECT * FROM audit.entries WHERE id >= ? ORDER BY id LIMIT 1000")
                    .param(expectedId)
                    .query(AuditStore::record)
                    .list();
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord r : page) {
                checked++;
                if (r.id() != expectedId) {
                    return new ChainVerification(checked, expectedId, Problem.ENTRY_MISSING);
                }
                if (!r.prevHash().equals(prevHash)) {
                    return new ChainVerification(checked, r.id(), Problem.LINK_BROKEN);
                }
                var entry = new AuditEntry(r.actor(), r.officerId(), r.action(), r.subject(), r.detail());
                if (!AuditHashing.hash(r.id(), r.recordedAt(), entry, r.prevHash())
                        .equals(r.hash())) {
                    return new ChainVerification(checked, r.id(), Problem.CONTENT_CHANGED);
                }
                prevHash = r.hash();
                expectedId++;
            }
        }
        Head head = jdbc.sql("SELECT last_id, last_hash FROM audit.chain_head WHERE singleton")
                .query((rs, n) -> new Head(rs.getLong("last_id"), rs.getString("last_hash")))
                .single();
        if (head.lastId() != expectedId - 1 || !head.lastHash().equals(prevHash)) {
            return new ChainVerification(checked, expectedId, Problem.TAIL_MISSING);
        }
        return new ChainVerification(checked, null, null);
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getLong("id"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("actor"),
                rs.getObject("officer_id", Long.class),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("subject"),
                rs.getString("detail"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
