package vn.binhyen.insights.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.bulletins.BulletinPublished;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.conversations.QuestionAnswered;
import vn.binhyen.conversations.QuestionAsked;
import vn.binhyen.incidents.IncidentClosed;
import vn.binhyen.incidents.UrgentAlertRaised;
import vn.binhyen.reports.TipDecided;
import vn.binhyen.reports.TipFirstAnswered;
import vn.binhyen.reports.TipReceived;

/**
 * Keeps the rollups up to date from other modules' events, each after its publisher committed and in a transaction of
 * its own (the event publication registry retries one that fails, and republishes outstanding ones on restart).
 */
@Component
class RollupListeners {

    private final Facts facts;
    private final RollupStore store;

    RollupListeners(Facts facts, RollupStore store) {
        this.facts = facts;
        this.store = store;
    }

    @ApplicationModuleListener
    void on(TipReceived event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(TipFirstAnswered event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(TipDecided event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(MessageReceived event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(QuestionAsked event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(QuestionAnswered event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(BulletinPublished event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(UrgentAlertRaised event) {
        store.add(facts.of(event));
    }

    @ApplicationModuleListener
    void on(IncidentClosed event) {
        store.add(facts.of(event));
    }
}
