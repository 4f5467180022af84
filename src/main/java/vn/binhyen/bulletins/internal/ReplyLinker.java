package vn.binhyen.bulletins.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.ConversationRefs;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.incidents.AssistanceRequests;
import vn.binhyen.zalo.ZaloBulletinReplies;

/**
 * Links a resident's Zalo message to the bulletin it answers: the bulletin it quotes, or else the latest bulletin
 * delivered to the resident within {@code binhyen.bulletins.reply-window} before it. The message stays in the inbox;
 * the bulletin's page lists it, and a reply to a request for assistance is also noted on its incident.
 */
@Component
class ReplyLinker {

    private final ConversationRefs conversations;
    private final ZaloBulletinReplies zalo;
    private final BulletinStore store;
    private final BulletinsProperties properties;
    private final AssistanceRequests assistance;

    ReplyLinker(
            ConversationRefs conversations,
            ZaloBulletinReplies zalo,
            BulletinStore store,
            BulletinsProperties properties,
            AssistanceRequests assistance) {
        this.conversations = conversations;
        this.zalo = zalo;
        this.store = store;
        this.properties = properties;
        this.assistance = assistance;
    }

    /**
     * Only a resident's own Zalo thread can answer a bulletin. Said as the listener's condition, not as an early
     * return: the event registry then records no publication for group traffic and web messages and runs no
     * transaction for them (a village group's busy evening is most of the messages). One method call: the condition is
     * evaluated twice per message, and SpEL's type references and comparisons showed in the event lanes' profile.
     */
    @ApplicationModuleListener(condition = "#message.residentOnZalo()")
    void on(MessageReceived message) {
        var ref = conversations.message(message.threadId(), message.messageId()).orElse(null);
        if (ref == null) {
            return;
        }
        zalo.repliedTo(ref.accountRef(), ref.contactRef(), ref.externalId(), message.sentAt(), properties.replyWindow())
                .filter(link -> store.find(link.bulletinRef()).isPresent())
                .ifPresent(link -> {
                    store.linkReply(
                            link.bulletinRef(),
                            message.threadId(),
                            message.messageId(),
                            link.quoted(),
                            message.sentAt());
                    store.assistanceRequestOf(link.bulletinRef())
                            .ifPresent(request -> assistance.replied(request, message.threadId(), message.sentAt()));
                });
    }
}
