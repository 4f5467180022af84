package vn.binhyen.conversations.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Looks at each resident's message after it is stored, off the intake path: matching against the knowledge base takes
 * milliseconds that the Zalo webhook should not wait for. The publication registry redelivers after a crash, and
 * {@link Questions#take} ignores a message it has already seen.
 */
@Component
class QuestionListener {

    private final Questions questions;

    QuestionListener(Questions questions) {
        this.questions = questions;
    }

    @ApplicationModuleListener
    void on(QuestionCandidate candidate) {
        questions.take(candidate.message());
    }
}
