package vn.binhyen.zalo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.InboundMessage;
import vn.binhyen.conversations.ReplyState;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.zalo.internal.OfficialAccountStore.AccountRow;

/**
 * What each Zalo event means for BinhYen. Called inside the processor's transaction, so everything an event causes
 * (a thread message, a follower change, a receipt) commits together with the event being marked done.
 */
@Component
public class ZaloEventRouter {

    private final OfficialAccountStore accounts;
    private final FollowerBook followers;
    private final DeliveryQueue deliveries;
    private final Conversations conversations;

    ZaloEventRouter(
            OfficialAccountStore accounts,
            FollowerBook followers,
            DeliveryQueue deliveries,
            Conversations conversations) {
        this.accounts = accounts;
        this.followers = followers;
        this.deliveries = deliveries;
        this.conversations = conversations;
    }

    /** @return the outcome stored on the event: PROCESSED, DUPLICATE or IGNORED */
    public String route(long eventId, String oaId, String eventName, JsonNode event) {
        AccountRow account = accounts.find(oaId).orElse(null);
        if (account == null) {
            return "IGNORED";
        }
        Instant at = timestamp(event);
        if (eventName.equals("follow") || eventName.equals("unfollow")) {
            String userId = ZaloJson.text(event.path("follower").path("id"));
            if (userId.isEmpty()) {
                return "IGNORED";
            }
            followers.apply(oaId, userId, eventName.equals("follow"), at);
            return "PROCESSED";
        }
        if (eventName.startsWith("user_send_group_")) {
            return inbound(
                    eventId, account, event, at, ThreadKind.GROUP, eventName.substring("user_send_group_".length()));
        }
        if (eventName.startsWith("user_send_")) {
            return inbound(
                    eventId, account, event, at, ThreadKind.RESIDENT, eventName.substring("user_send_".length()));
        }
        if (eventName.equals("user_received_message")) {
            return receipt(oaId, event, ReplyState.DELIVERED);
        }
        if (eventName.equals("user_seen_message")) {
            return receipt(oaId, event, ReplyState.SEEN);
        }
        // OA echoes (our own sends or an admin typing in Zalo's OA chat), management events and anything Zalo adds
        // later stay stored for the record and do nothing else.
        return "IGNORED";
    }

    private String inbound(
            long eventId, AccountRow account, JsonNode event, Instant at, ThreadKind threadKind, String type) {
        String senderId = ZaloJson.text(event.path("sender").path("id"));
        String contact = threadKind == ThreadKind.GROUP
                ? ZaloJson.text(event.path("recipient").path("id"))
                : senderId;
        if (contact.isEmpty()) {
            return "IGNORED";
        }
        JsonNode message = event.path("message");
        String msgId = ZaloJson.text(message.path("msg_id"));
        ParsedMessage parsed = ParsedMessage.of(type, message);
        if (threadKind == ThreadKind.RESIDENT) {
            followers.noteInteraction(account.oaId(), senderId, at);
        }
        boolean appended = conversations.recordInbound(new InboundMessage(
                ConversationChannel.ZALO,
                threadKind,
                account.oaId(),
                contact,
                account.provinceCode(),
                account.communeCode(),
                msgId.isEmpty() ? "event:" + eventId : msgId,
                parsed.kind(),
                parsed.text(),
                parsed.url(),
                parsed.latitude(),
                parsed.longitude(),
                threadKind == ThreadKind.GROUP ? senderId : null,
                at));
        return appended ? "PROCESSED" : "DUPLICATE";
    }

    private String receipt(String oaId, JsonNode event, ReplyState state) {
        JsonNode message = event.path("message");
        List<String> ids = new ArrayList<>();
        for (JsonNode id : message.path("msg_ids")) {
            ids.add(ZaloJson.text(id));
        }
        String single = ZaloJson.text(message.path("msg_id"));
        if (!single.isEmpty()) {
            ids.add(single);
        }
        boolean anyKnown = false;
        for (String id : ids) {
            if (deliveries.recordBulletinReceipt(oaId, id, state == ReplyState.SEEN, timestamp(event))) {
                anyKnown = true;
                continue;
            }
            var replyRef = deliveries.replyRefOfSentMessage(oaId, id);
            if (replyRef.isPresent()) {
                anyKnown = true;
                conversations.updateReplyState(replyRef.getAsLong(), state, null);
            }
        }
        if (!ids.isEmpty() && !anyKnown) {
            if (deliveries.hasUnsentFor(oaId)) {
                // The receipt overtook the recording of our own send; the processor retries it shortly.
                throw new RetryLaterException("receipt for a message not recorded yet");
            }
            return "IGNORED";
        }
        return "PROCESSED";
    }

    private static Instant timestamp(JsonNode event) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(ZaloJson.text(event.path("timestamp"))));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }
}
