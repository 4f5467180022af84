package vn.binhyen.knowledge.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.binhyen.knowledge.internal.KnowledgeProperties;

/** What a searchable question is: some text, not longer than the configured limit. */
@Component
class QuestionCheck {

    private final KnowledgeProperties properties;

    QuestionCheck(KnowledgeProperties properties) {
        this.properties = properties;
    }

    String question(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            throw new BadQuestionException("knowledge.error.question-missing");
        }
        if (typed.length() > properties.maxQuestionLength()) {
            throw new BadQuestionException("knowledge.error.question-too-long", properties.maxQuestionLength());
        }
        return typed.strip();
    }
}
