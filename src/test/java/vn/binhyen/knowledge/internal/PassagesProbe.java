package vn.binhyen.knowledge.internal;

import java.util.List;
import vn.binhyen.knowledge.SuggestedAnswer.PassagePart;

/** Opens the package-private passage picker to tests, with the real analysis (stop words, synonyms). */
public final class PassagesProbe {

    private static final Passages PASSAGES = new Passages(TextAnalysis.load());

    private PassagesProbe() {}

    public static List<PassagePart> bestPassage(String question, EntryContent content) {
        return PASSAGES.bestPassage(question, content);
    }
}
