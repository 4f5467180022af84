package vn.binhyen.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue's tables: entries and their versions. */
@Repository
public class CatalogueStore {

    private static final String PUBLISHED = """
            SELECT e.id, e.slug, e.kind, e.topic, r.number, r.title, r.questions, r.summary, r.audience, r.documents,
                   r.steps, r.submission, r.time_limit, r.fee, r.legal_basis, r.reviewed_on, r.decided_by_name
              FROM knowledge.entries e
              JOIN knowledge.revisions r ON r.entry_id = e.id AND r.status = 'APPROVED'
            """;

    private static final String REVISIONS = """
            SELECT r.*, e.slug FROM knowledge.revisions r JOIN knowledge.entries e ON e.id = r.entry_id
            """;

    private final JdbcClient jdbc;

    CatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PublishedEntry> allPublished() {
        return jdbc.sql(PUBLISHED + " ORDER BY e.topic, r.title")
                .query(this::toPublished)
                .list();
    }

    public Optional<PublishedEntry> published(String slug) {
        return jdbc.sql(PUBLISHED + " WHERE e.slug = ?")
                .param(slug)
                .query(this::toPublished)
                .optional();
    }

    public Optional<PublishedEntry> publishedById(long entryId) {
        return jdbc.sql(PUBLISHED + " WHERE e.id = ?")
                .param(entryId)
                .query(this::toPublished)
                .optional();
    }

    public boolean exists(String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM knowledge.entries WHERE slug = ?)")
                .param(slug)
                .query(Boolean.class)
                .single();
    }

    public Optional<Long> entryId(String slug) {
        return jdbc.sql("SELECT id FROM knowledge.entries WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    /** Every entry with its latest version, for the console list (entries with no approved version too). */
    public List<Revision> latestRevisions() {
        return jdbc.sql(REVISIONS + """
                         WHERE r.number = (SELECT max(number) FROM knowledge.revisions WHERE entry_id = r.entry_id)
                         ORDER BY e.slug
                        """).query(this::toRevision).list();
    }

    public List<Revision> history(String slug) {
        return jdbc.sql(REVISIONS + " WHERE e.slug = ? ORDER BY r.number DESC")
                .param(slug)
                .query(this::toRevision)
                .list();
    }

    public List<Revision> pendingReview() {
        return jdbc.sql(REVISIONS + " WHERE r.status = 'PENDING_REVIEW' ORDER BY r.proposed_at")
                .query(this::toRevision)
                .list();
    }

    public Optional<Revision> revision(long revisionId) {
        return jdbc.sql(REVISIONS + " WHERE r.id = ?")
                .param(revisionId)
                .query(this::toRevision)
                .optional();
    }

    /** The time of the latest approval, so that a node can tell its index is behind. */
    /** When the index's content last changed: an approval, or a question learned by an entry. */
    public Optional<Instant> lastChangeAt() {
        return jdbc.sql("""
                        SELECT greatest(
                            (SELECT max(coalesce(decided_at, proposed_at)) FROM knowledge.revisions
                              WHERE status = 'APPROVED'),
                            (SELECT max(learned_at) FROM knowledge.learned_phrasings))
                        """)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Adds a folded question to an entry's learned phrasings; false when the entry already had it. */
    public boolean learn(long entryId, String phrasing, Instant now) {
        return jdbc.sql("""
                        INSERT INTO knowledge.learned_phrasings (entry_id, phrasing, learned_at) VALUES (?, ?, ?)
                        ON CONFLICT (entry_id, phrasing) DO NOTHING
                        """).params(entryId, phrasing, Timestamp.from(now)).update() > 0;
    }

    public List<String> learnedPhrasings(long entryId) {
        return jdbc.sql("SELECT phrasing FROM knowledge.learned_phrasings WHERE entry_id = ? ORDER BY id")
                .param(entryId)
                .query(String.class)
                .list();
    }

    public Map<Long, List<String>> allLearnedPhrasings() {
        Map<Long, List<String>> learned = new HashMap<>();
        jdbc.sql("SELECT entry_id, phrasing FROM knowledge.learned_phrasings ORDER BY id")
                .query(rs -> {
                    learned.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return learned;
    }

    public long insertEntry(String slug, EntryKind kind, Topic topic, Instant now) {
        return jdbc.sql(
                        "INSERT INTO knowledge.entries (slug, kind, topic, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(slug, kind.name(), topic.name(), Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public long insertRevision(
            long entryId,
            RevisionStatus status,
            EntryContent content,
            String changeNote,
            @Nullable Long proposedByOfficerId,
            String proposedByName,
            Instant proposedAt) {
        return jdbc.sql("""
                        INSERT INTO knowledge.revisions (entry_id, number, status, title, questions, summary, audience,
                            documents, steps, submission, time_limit, fee, legal_basis, change_note,
                            proposed_by_officer_id, proposed_by_name, proposed_at)
                        VALUES (:entry, (SELECT coalesce(max(number), 0) + 1 FROM knowledge.revisions WHERE entry_id = :entry),
                            :status, :title, :questions, :summary, :audience, :documents, :steps, :submission,
                            :timeLimit, :fee, :legalBasis, :changeNote, :officer, :name, :at)
                        RETURNING id
                        """)
                .param("entry", entryId)
                .param("status", status.name())
                .param("title", content.title())
                .param("questions", EntryContent.joinLines(content.questions()))
                .param("summary", content.summary())
                .param("audience", content.audience())
                .param("documents", EntryContent.joinLines(content.documents()))
                .param("steps", EntryContent.joinLines(content.steps()))
                .param("submission", content.submission())
                .param("timeLimit", content.timeLimit())
                .param("fee", content.fee())
                .param("legalBasis", content.legalBasis())
                .param("changeNote", changeNote)
                .param("officer", proposedByOfficerId)
                .param("name", proposedByName)
                .param("at", Timestamp.from(proposedAt))
                .query(Long.class)
                .single();
    }

    public void decide(
            long revisionId,
            RevisionStatus status,
            @Nullable Long officerId,
            String officerName,
            @Nullable String note,
            Instant at,
            LocalDate reviewedOn) {
        jdbc.sql("""
                        UPDATE knowledge.revisions SET status = ?, decided_by_officer_id = ?, decided_by_name = ?,
                            decision_note = ?, decided_at = ?, reviewed_on = ?
                         WHERE id = ?
                        """)
                .params(status.name(), officerId, officerName, note, Timestamp.from(at), reviewedOn, revisionId)
                .update();
    }

    public void supersedePublished(long entryId) {
        jdbc.sql("UPDATE knowledge.revisions SET status = 'SUPERSEDED' WHERE entry_id = ? AND status = 'APPROVED'")
                .param(entryId)
                .update();
    }

    private PublishedEntry toPublished(ResultSet rs, int row) throws SQLException {
        var reviewedOn = rs.getObject("reviewed_on", LocalDate.class);
        return new PublishedEntry(
                rs.getLong("id"),
                rs.getString("slug"),
                EntryKind.valueOf(rs.getString("kind")),
                Topic.valueOf(rs.getString("topic")),
                rs.getInt("number"),
                content(rs),
                reviewedOn,
                rs.getString("decided_by_name"));
    }

    private Revision toRevision(ResultSet rs, int row) throws SQLException {
        var decidedAt = rs.getTimestamp("decided_at");
        return new Revision(
                rs.getLong("id"),
                rs.getLong("entry_id"),
                rs.getString("slug"),
                rs.getInt("number"),
                RevisionStatus.valueOf(rs.getString("status")),
                content(rs),
                rs.getString("change_note"),
                rs.getObject("proposed_by_officer_id", Long.class),
                rs.getString("proposed_by_name"),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("decided_by_name"),
                rs.getString("decision_note"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getObject("reviewed_on", LocalDate.class));
    }

    private static EntryContent content(ResultSet rs) throws SQLException {
        return new EntryContent(
                rs.getString("title"),
                EntryContent.lines(rs.getString("questions")),
                rs.getString("summary"),
                rs.getString("audience"),
                EntryContent.lines(rs.getString("documents")),
                EntryContent.lines(rs.getString("steps")),
                rs.getString("submission"),
                rs.getString("time_limit"),
                rs.getString("fee"),
                rs.getString("legal_basis"));
    }
}
