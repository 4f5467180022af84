package vn.binhyen.knowledge.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.binhyen.knowledge.Knowledge;
import vn.binhyen.knowledge.internal.CatalogueStore;
import vn.binhyen.knowledge.internal.EntryNotFoundException;
import vn.binhyen.knowledge.internal.PublishedEntry;
import vn.binhyen.knowledge.internal.Topic;

/** The resident's FAQ: every approved entry by topic, a search box that suggests as they type, one page per entry. */
@Controller
class FaqPages {

    private final Knowledge knowledge;
    private final CatalogueStore store;
    private final QuestionCheck check;

    FaqPages(Knowledge knowledge, CatalogueStore store, QuestionCheck check) {
        this.knowledge = knowledge;
        this.store = store;
        this.check = check;
    }

    /** The page and, for htmx, only its results: one handler so both always agree. */
    @GetMapping("/hoi-dap")
    String faq(
            @RequestParam(required = false) @Nullable String q,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        if (q != null && !q.isBlank()) {
            String question = check.question(q);
            model.addAttribute("q", question);
            model.addAttribute("suggestions", knowledge.suggestionsFor(question, 8));
        } else {
            model.addAttribute("q", "");
            model.addAttribute("topics", byTopic(store.allPublished()));
        }
        return htmx != null ? "knowledge/faq :: results" : "knowledge/faq";
    }

    @GetMapping("/hoi-dap/{slug}")
    String entry(@PathVariable String slug, Model model) {
        model.addAttribute("entry", store.published(slug).orElseThrow(() -> new EntryNotFoundException(slug)));
        return "knowledge/entry";
    }

    private static Map<Topic, List<PublishedEntry>> byTopic(List<PublishedEntry> entries) {
        Map<Topic, List<PublishedEntry>> topics = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            var inTopic = entries.stream().filter(e -> e.topic() == topic).toList();
            if (!inTopic.isEmpty()) {
                topics.put(topic, inTopic);
            }
        }
        return topics;
    }
}
