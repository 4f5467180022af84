package vn.binhyen.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.knowledge.internal.CatalogueStore;
import vn.binhyen.knowledge.internal.Learning;
import vn.binhyen.knowledge.internal.Matcher;
import vn.binhyen.knowledge.internal.ReplyTexts;

/**
 * The knowledge API for other modules: which entries answer a question (the officer inbox shows them as suggested
 * replies), whether one is sure enough to be sent on its own, and learning from the answers officers chose.
 */
@Service
public class Knowledge {

    private final Matcher matcher;
    private final CatalogueStore catalogue;
    private final ReplyTexts replies;
    private final Learning learning;

    Knowledge(Matcher matcher, CatalogueStore catalogue, ReplyTexts replies, Learning learning) {
        this.matcher = matcher;
        this.catalogue = catalogue;
        this.replies = replies;
        this.learning = learning;
    }

    /** Up to {@code limit} entries that answer the question, best first; empty when none matches well enough. */
    public List<Suggestion> suggestionsFor(String question, int limit) {
        return matcher.suggest(question, limit);
    }

    /**
     * Whether any entry could match this text with at least {@code score} (0–1, as {@link Suggestion#score()}): an
     * exact bound that costs far less than {@link #suggestionsFor}; when it says no, no suggestion reaches that score.
     */
    public boolean couldMatch(String text, double score) {
        return matcher.couldScore(text, score);
    }

    /**
     * As {@link #suggestionsFor}, each with the passage that matched and the reply to send. An entry withdrawn since
     * the index was built is left out.
     */
    @Transactional(readOnly = true)
    public List<SuggestedAnswer> answersFor(String question, int limit) {
        return matcher.suggest(question, limit).stream()
                .flatMap(suggestion -> catalogue.publishedById(suggestion.id()).stream()
                        .map(entry -> new SuggestedAnswer(
                                suggestion, learning.passageFor(question, entry.content()), replies.replyFor(entry))))
                .toList();
    }

    /** The reply that answers with this entry, if it is published. */
    @Transactional(readOnly = true)
    public Optional<String> replyFor(long entryId) {
        return catalogue.publishedById(entryId).map(replies::replyFor);
    }

    /**
     * The one entry to answer with automatically, only when its score reaches {@code binhyen.knowledge
     * .auto-answer-threshold} (chosen from the evaluation set so that automatic answers are almost always right).
     */
    public Optional<Suggestion> automaticAnswerFor(String question) {
        return matcher.automaticAnswer(question);
    }

    /**
     * An officer answered this question with this entry (as suggested or edited): from now on the entry also matches
     * questions asked this way. The question is kept folded and only in the index, never shown.
     */
    @Transactional
    public void learn(long entryId, String question) {
        learning.learn(entryId, question);
    }
}
