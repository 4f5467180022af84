package vn.binhyen.incidents.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.NewSignal.SignalSource;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipReceived;

/**
 * Turns other modules' events into signals, queued in the publisher's own transaction ({@link SignalQueue}, decision
 * 0010): a tip or message and its signal are committed together or not at all, and the queue's workers group it.
 *
 * <p>Not {@code @ApplicationModuleListener}: the event publication registry costs a row and two updates per listener
 * and event, which was a quarter of grouping's work in a burst of group messages, and it hands events over in the
 * order they came, so a planned fight waited behind every chatter message before it. Queuing is one insert and cannot
 * fail on its own account: a failure rolls the message back with it, and the message is handled again.
 */
@Component
class SignalListeners {

    private final SignalQueue queue;

    SignalListeners(SignalQueue queue) {
        this.queue = queue;
    }

    @EventListener
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
