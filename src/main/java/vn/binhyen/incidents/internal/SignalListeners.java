package vn.binhyen.incidents.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.NewSignal.SignalSource;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipReceived;

/**
 * Turns other modules' events into signals. Each listener runs after the publisher's commit, in its own transaction
 * ({@link SignalIntake#ingest}), and is recorded in the event publication registry (every transactional event listener
 * is), so a crash in between re-delivers the event and the signal is recorded once.
 *
 * <p>Not {@code @ApplicationModuleListener}: that runs on the shared, unbounded executor, and signals of one commune are
 * grouped one at a time under a database lock, so a burst would hold every pooled connection waiting for the lock and
 * starve the webhook intake. Here a small executor of our own bounds the connections early warning can take.
 */
@Component
class SignalListeners {

    private final SignalIntake intake;

    SignalListeners(SignalIntake intake) {
        this.intake = intake;
    }

    @Async(IncidentsExecutor.NAME)
    @TransactionalEventListener
    void on(TipReceived tip) {
        String text = tip.description() == null ? "" : tip.description();
        intake.ingest(new NewSignal(
                SignalSource.TIP,
                tip.code(),
                "tip:" + tip.tipId(),
                tip.provinceCode(),
                tip.communeCode(),
                tip.villageId(),
                tip.latitude(),
                tip.longitude(),
                null,
                tip.place(),
                text,
                tip.urgent(),
                hint(tip.category()),
                tip.receivedAt(),
                tip.occurredAt()));
    }

    @Async(IncidentsExecutor.NAME)
    @TransactionalEventListener
    void on(MessageReceived message) {
        boolean group = message.threadKind() == ThreadKind.GROUP;
        if (message.text().isBlank() && message.latitude() == null) {
            return;
        }
        intake.ingest(new NewSignal(
                group ? SignalSource.GROUP : SignalSource.MESSAGE,
                String.valueOf(message.messageId()),
                group && message.groupRef() != null ? "group:" + message.groupRef() : "thread:" + message.threadId(),
                message.provinceCode(),
                message.communeCode(),
                null,
                message.latitude(),
                message.longitude(),
                message.groupRef(),
                null,
                message.text(),
                false,
                null,
                message.sentAt(),
                null));
    }

    static WatchCategory hint(TipCategory category) {
        return switch (category) {
            case FIGHT_OR_DISORDER -> WatchCategory.FIGHT;
            case WEAPONS -> WatchCategory.WEAPON;
            case ILLEGAL_RACING -> WatchCategory.RACING;
            case DRUGS -> WatchCategory.DRUGS;
            case FRAUD -> WatchCategory.SCAM;
            default -> WatchCategory.OTHER;
        };
    }
}
