package vn.binhyen.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.binhyen.knowledge.internal.Matcher;

/**
 * The knowledge API for other modules: which entries answer a question (the officer inbox shows them as suggested
 * replies), and whether one is sure enough to be sent on its own.
 */
@Service
public class Knowledge {

    private final Matcher matcher;

    Knowledge(Matcher matcher) {
        this.matcher = matcher;
    }

    /** Up to {@code limit} entries that answer the question, best first; empty when none matches well enough. */
    public List<Suggestion> suggestionsFor(String question, int limit) {
        return matcher.suggest(question, limit);
    }

    /**
     * The one entry to answer with automatically, only when its score reaches {@code binhyen.knowledge
     * .auto-answer-threshold} (chosen from the evaluation set so that automatic answers are almost always right).
     */
    public Optional<Suggestion> automaticAnswerFor(String question) {
        return matcher.automaticAnswer(question);
    }
}
