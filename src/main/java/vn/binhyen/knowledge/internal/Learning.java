package vn.binhyen.knowledge.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.binhyen.knowledge.SuggestedAnswer.PassagePart;

/** Officers' answers feeding the matcher, and the passage shown to explain a suggestion. */
@Service
public class Learning {

    /** Long rambling questions teach little beyond their first sentences and would swamp an entry's phrasings. */
    private static final int MAX_PHRASING = 500;

    private final CatalogueStore store;
    private final TextAnalysis analysis;
    private final Passages passages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Learning(
            CatalogueStore store,
            TextAnalysis analysis,
            Passages passages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.analysis = analysis;
        this.passages = passages;
        this.events = events;
        this.clock = clock;
    }

    public void learn(long entryId, String question) {
        String phrasing = analysis.canonical(question);
        if (phrasing.length() > MAX_PHRASING) {
            phrasing = phrasing.substring(0, phrasing.lastIndexOf(' ', MAX_PHRASING) + 1)
                    .strip();
        }
        if (phrasing.isBlank() || store.publishedById(entryId).isEmpty()) {
            return;
        }
        if (store.learn(entryId, phrasing, clock.instant())) {
            events.publishEvent(new PhrasingLearned(entryId));
        }
    }

    public List<PassagePart> passageFor(String question, EntryContent content) {
        return passages.bestPassage(question, content);
    }
}
