package vn.binhyen.conversations.internal;

import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/**
 * In the demo the city ward (24133) has automatic answers on at 0.85, chosen by its chief, so the questions page shows
 * automatic answers to check beside the questions officers answer; the other communes keep the default (off).
 */
@Component
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoAutoAnswers {

    static final String COMMUNE = "24133";

    private final QuestionStore questions;
    private final Directory directory;
    private final Clock clock;

    DemoAutoAnswers(QuestionStore questions, Directory directory, Clock clock) {
        this.questions = questions;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void switchOn() {
        if (questions.setting(COMMUNE).isPresent()) {
            return;
        }
        directory.officersOf(COMMUNE).stream()
                .filter(officer -> officer.role() == OfficerRole.COMMUNE_CHIEF)
                .findFirst()
                .ifPresent(chief -> questions.saveSetting(
                        COMMUNE,
                        new QuestionStore.AutoAnswerSetting(true, new BigDecimal("0.85")),
                        chief.id(),
                        clock.instant()));
    }
}
