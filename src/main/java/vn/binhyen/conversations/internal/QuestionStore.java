package vn.binhyen.conversations.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for residents' questions, their answers and the per-unit settings for automatic answers. */
@Repository
public class QuestionStore {

    /** A question longer than this is kept cut: the figures and the officer's list need its gist, not an essay. */
    static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;

    QuestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record OpenQuestion(long id, long lastMessageId, String text) {}

    /** The thread's unanswered question, locked until the transaction ends. */
    public Optional<OpenQuestion> openQuestion(long threadId) {
        return jdbc.sql("""
                        SELECT id, last_message_id, text FROM conversations.questions
                         WHERE thread_id = ? AND answered_at IS NULL FOR UPDATE
                        """)
                .param(threadId)
                .query((rs, n) -> new OpenQuestion(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional();
    }

    /** What the resident asked in the thread's unanswered question, if one waits. */
    public Optional<String> waitingText(long threadId) {
        return jdbc.sql("SELECT text FROM conversations.questions WHERE thread_id = ? AND answered_at IS NULL")
                .param(threadId)
                .query(String.class)
                .optional();
    }

    public boolean isRecorded(long messageId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM conversations.questions WHERE first_message_id = ?)")
                .param(messageId)
                .query(Boolean.class)
                .single();
    }

    /** Opens a question; empty when the message already opened one or the thread has one open (a race lost). */
    public Optional<Long> open(long threadId, long messageId, String text, Instant askedAt, Match match) {
        return jdbc.sql("""
                        INSERT INTO conversations.questions (thread_id, first_message_id, last_message_id, text,
                            asked_at, best_entry_id, best_score, matched)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(
                        threadId,
                        messageId,
                        messageId,
                        cut(text),
                        Timestamp.from(askedAt),
                        match.entryId(),
                        match.score(),
                        match.good())
                .query(Long.class)
                .optional();
    }

    /**
     * A later message of the same question: its text joins the question, and the best entry is the combined text's.
     * Whether the question had a good answer stays as it was when asked, as the figures counted it then.
     */
    public void extend(long questionId, long messageId, String text, Match match) {
        jdbc.sql("""
                        UPDATE conversations.questions SET last_message_id = ?, text = ?, best_entry_id = ?, best_score = ?
                         WHERE id = ? AND last_message_id < ?
                        """)
                .params(messageId, cut(text), match.entryId(), match.score(), questionId, messageId)
                .update();
    }

    /**
     * The knowledge base's best entry for a question, or none above the suggestion threshold.
     *
     * @param good whether the entry answers the question well enough to count it as answered by the catalogue; a
     *     question without a good match goes on the list of entries to write
     */
    public record Match(@Nullable Long entryId, @Nullable BigDecimal score, boolean good) {

        static final Match NONE = new Match(null, null, false);
    }

    /** A question just answered: its id and what the resident asked. */
    public record Answered(long id, String text, Instant askedAt) {}

    /**
     * Closes the thread's open question with its first answer.
     *
     * @return the question answered, empty when none was open
     */
    public Optional<Answered> answer(
            long threadId,
            String answeredBy,
            @Nullable Long entryId,
            long answerMessageId,
            @Nullable Long officerId,
            Instant at) {
        return jdbc.sql("""
                        UPDATE conversations.questions
                           SET answered_at = ?, answered_by = ?, answer_entry_id = ?, answer_message_id = ?,
                               officer_id = ?
                         WHERE thread_id = ? AND answered_at IS NULL
                        RETURNING id, text, asked_at
                        """)
                .params(Timestamp.from(at), answeredBy, entryId, answerMessageId, officerId, threadId)
                .query((rs, n) -> new Answered(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public boolean review(long questionId, String verdict, long officerId, Instant at) {
        return jdbc.sql("""
                        UPDATE conversations.questions SET review_verdict = ?, reviewed_by = ?, reviewed_at = ?
                         WHERE id = ? AND answered_by = 'AUTO'
                        """)
                        .params(verdict, officerId, Timestamp.from(at), questionId)
                        .update()
                > 0;
    }

    /** The question's thread, for the scope check before a review. */
    public Optional<Long> threadOf(long questionId) {
        return jdbc.sql("SELECT thread_id FROM conversations.questions WHERE id = ?")
                .param(questionId)
                .query(Long.class)
                .optional();
    }

    public record Figures(
            long received,
            long automatic,
            long byOfficer,
            long waiting,
            long unmatched,
            @Nullable Duration medianFirstAnswer,
            long automaticUnreviewed,
            long automaticWrong) {}

    public Figures figures(ScopeCondition scope, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(*) AS received,
                               count(*) FILTER (WHERE q.answered_by = 'AUTO') AS automatic,
                               count(*) FILTER (WHERE q.answered_by = 'OFFICER') AS by_officer,
                               count(*) FILTER (WHERE q.answered_at IS NULL) AS waiting,
                               count(*) FILTER (WHERE NOT q.matched) AS unmatched,
                               percentile_cont(0.5) WITHIN GROUP
                                   (ORDER BY extract(EPOCH FROM q.answered_at - q.asked_at)) AS median_seconds,
                               count(*) FILTER (WHERE q.answered_by = 'AUTO' AND q.review_verdict IS NULL)
                                   AS unreviewed,
                               count(*) FILTER (WHERE q.review_verdict = 'WRONG') AS wrong
                          FROM conversations.questions q JOIN conversations.threads t ON t.id = q.thread_id
                         WHERE %s AND q.asked_at >= :from AND q.asked_at < :to
                        """.formatted(scope.sql()))
                .params(params(scope, from, to))
                .query((rs, n) -> {
                    double median = rs.getDouble("median_seconds");
                    return new Figures(
                            rs.getLong("received"),
                            rs.getLong("automatic"),
                            rs.getLong("by_officer"),
                            rs.getLong("waiting"),
                            rs.getLong("unmatched"),
                            rs.wasNull() ? null : Duration.ofSeconds(Math.round(median)),
                            rs.getLong("unreviewed"),
                            rs.getLong("wrong"));
                })
                .single();
    }

    public record QuestionRow(
            long id,
            long threadId,
            String communeCode,
            String text,
            Instant askedAt,
            @Nullable Instant answeredAt,
            @Nullable String answeredBy,
            @Nullable Long answerEntryId,
            @Nullable BigDecimal bestScore,
            @Nullable String reviewVerdict) {}

    /** Questions the knowledge base had no good answer for, newest first: the list to turn into new entries. */
    public List<QuestionRow> unmatched(ScopeCondition scope, Instant from, Instant to, int limit) {
        return list(scope, "NOT q.matched", from, to, limit);
    }

    /** Automatic answers, the unreviewed first, for officers to check. */
    public List<QuestionRow> automaticAnswers(ScopeCondition scope, Instant from, Instant to, int limit) {
        return list(scope, "q.answered_by = 'AUTO'", from, to, limit);
    }

    private List<QuestionRow> list(ScopeCondition scope, String which, Instant from, Instant to, int limit) {
        var params = params(scope, from, to);
        params.put("limit", limit);
        return jdbc.sql("""
                        SELECT q.*, t.commune_code
                          FROM conversations.questions q JOIN conversations.threads t ON t.id = q.thread_id
                         WHERE %s AND %s AND q.asked_at >= :from AND q.asked_at < :to
                         ORDER BY (q.review_verdict IS NULL) DESC, q.asked_at DESC
                         LIMIT :limit
                        """.formatted(scope.sql(), which))
                .params(params)
                .query(QuestionStore::row)
                .list();
    }

    public record AutoAnswerSetting(boolean enabled, BigDecimal threshold) {}

    public Optional<AutoAnswerSetting> setting(String communeCode) {
        return jdbc.sql("SELECT enabled, threshold FROM conversations.auto_answer_settings WHERE commune_code = ?")
                .param(communeCode)
                .query((rs, n) -> new AutoAnswerSetting(rs.getBoolean(1), rs.getBigDecimal(2)))
                .optional();
    }

    /** The settings of several communes in one query (the province command's page lists all of them). */
    public Map<String, AutoAnswerSetting> settings(java.util.Collection<String> communeCodes) {
        Map<String, AutoAnswerSetting> settings = new HashMap<>();
        if (communeCodes.isEmpty()) {
            return settings;
        }
        jdbc.sql("""
                        SELECT commune_code, enabled, threshold FROM conversations.auto_answer_settings
                         WHERE commune_code IN (:codes)
                        """).param("codes", communeCodes).query(rs -> {
            settings.put(rs.getString(1), new AutoAnswerSetting(rs.getBoolean(2), rs.getBigDecimal(3)));
        });
        return settings;
    }

    public void saveSetting(String communeCode, AutoAnswerSetting setting, long officerId, Instant at) {
        jdbc.sql("""
                        INSERT INTO conversations.auto_answer_settings (commune_code, enabled, threshold, updated_by,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (commune_code) DO UPDATE SET enabled = EXCLUDED.enabled,
                            threshold = EXCLUDED.threshold, updated_by = EXCLUDED.updated_by,
                            updated_at = EXCLUDED.updated_at
                        """)
                .params(communeCode, setting.enabled(), setting.threshold(), officerId, Timestamp.from(at))
                .update();
    }

    private static Map<String, Object> params(ScopeCondition scope, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        return params;
    }

    private static QuestionRow row(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new QuestionRow(
                rs.getLong("id"),
                rs.getLong("thread_id"),
                rs.getString("commune_code"),
                rs.getString("text"),
                rs.getTimestamp("asked_at").toInstant(),
                answered == null ? null : answered.toInstant(),
                rs.getString("answered_by"),
                rs.getObject("answer_entry_id", Long.class),
                rs.getBigDecimal("best_score"),
                rs.getString("review_verdict"));
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
