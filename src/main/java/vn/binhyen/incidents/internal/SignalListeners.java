package vn.binhyen.incidents.internal;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.NewSignal.SignalSource;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipReceived;

/**
 * Turns other modules' events into signals for the {@link SignalQueue} (decision 0010), whose workers group them.
 *
 * <p>A message is queued in its publisher's own transaction, not through the event publication registry: the registry
 * costs a row and two updates per listener and event, which was a quarter of grouping's work in a burst of group
 * messages, and it hands events over in the order they came, so a planned fight waited behind every chatter message
 * before it. Queuing is one insert; a failure rolls the message back with it, and the Zalo lane handles it again.
 *
 * <p>A tip goes through the registry, after the register's commit: a tip is entered in the legal register whatever
 * happens to early warning, and tips are few.
 */
@Component
class SignalListeners {

    private final SignalQueue queue;

    SignalListeners(SignalQueue queue) {
        this.queue = queue;
    }

    @ApplicationModuleListener
    void on(TipReceived tip) {
        String text = tip.description() == null ? "" : tip.description();
        queue.enqueue(new NewSignal(
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

    @EventListener
    void on(MessageReceived message) {
        boolean group = message.threadKind() == ThreadKind.GROUP;
        if (message.text().isBlank() && message.latitude() == null) {
            return;
        }
        queue.enqueue(new NewSignal(
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
