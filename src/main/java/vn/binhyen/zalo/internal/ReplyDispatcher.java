package vn.binhyen.zalo.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.ReplyRequested;
import vn.binhyen.conversations.ThreadKind;

/**
 * Puts officers' replies on Zalo threads into the delivery queue. The event comes through Modulith's publication
 * registry, so a reply committed just before a crash is still queued on restart; the idempotency key keeps a
 * republished event from queueing it twice.
 */
@Component
class ReplyDispatcher {

    private final DeliveryQueue queue;

    ReplyDispatcher(DeliveryQueue queue) {
        this.queue = queue;
    }

    @ApplicationModuleListener
    void on(ReplyRequested reply) {
        if (reply.channel() != ConversationChannel.ZALO) {
            return;
        }
        queue.enqueue(
                "reply:" + reply.messageId(),
                reply.accountRef(),
                reply.threadKind() == ThreadKind.GROUP ? DeliveryQueue.Target.GROUP : DeliveryQueue.Target.USER,
                reply.contactRef(),
                reply.text(),
                reply.messageId());
    }
}
