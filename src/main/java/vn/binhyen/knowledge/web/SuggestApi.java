package vn.binhyen.knowledge.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.binhyen.knowledge.Knowledge;
import vn.binhyen.knowledge.Suggestion;

/** Public: entries that answer a question, for the portal's search box, the Zalo bot or anyone else. */
@RestController
class SuggestApi {

    static final int MAX_LIMIT = 20;

    private final Knowledge knowledge;
    private final QuestionCheck check;

    SuggestApi(Knowledge knowledge, QuestionCheck check) {
        this.knowledge = knowledge;
        this.check = check;
    }

    @GetMapping("/api/v1/knowledge/suggest")
    List<Suggestion> suggest(
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "5") int limit) {
        String question = check.question(q);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadQuestionException("knowledge.error.limit", MAX_LIMIT);
        }
        return knowledge.suggestionsFor(question, limit);
    }
}
