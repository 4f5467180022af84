package vn.binhyen.zalo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.binhyen.conversations.ContactCard;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.InboundMessage;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.ReplyState;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.conversations.VillageSource;
import vn.binhyen.reports.ReporterNotices;
import vn.binhyen.reports.ReporterNotices.ZaloOutcome;
import vn.binhyen.zalo.internal.OfficialAccountStore.Binding;

/**
 * What each Zalo event means for BinhYen. Called inside the processor's transaction, so everything an event causes
 * (a thread message, a follower change, a receipt) commits together with the event being marked done.
 */
@Component
public class ZaloEventRouter {

    private final OfficialAccountStore accounts;
    private final FollowerBook followers;
    private final GroupBook groups;
    private final VillageMatcher villages;
    private final DeliveryQueue deliveries;
    private final Conversations conversations;
    private final OfficerLinks officerLinks;
    private final MessageSource messages;
    private final ReporterNotices notices;

    ZaloEventRouter(
            OfficialAccountStore accounts,
            FollowerBook followers,
            GroupBook groups,
            VillageMatcher villages,
            DeliveryQueue deliveries,
            Conversations conversations,
            OfficerLinks officerLinks,
            MessageSource messages,
            ReporterNotices notices) {
        this.accounts = accounts;
        this.followers = followers;
        this.groups = groups;
        this.villages = villages;
        this.deliveries = deliveries;
        this.conversations = conversations;
        this.officerLinks = officerLinks;
        this.messages = messages;
        this.notices = notices;
    }

    /** @return the outcome stored on the event: PROCESSED, DUPLICATE or IGNORED */
    public String route(long eventId, String oaId, String eventName, JsonNode event) {
        Binding account = accounts.binding(oaId).orElse(null);
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
        if (eventName.startsWith("oa_send_")) {
            return echo(account, eventName, event, at);
        }
        if (eventName.equals("add_user_to_tag")) {
            return tagged(account, event);
        }
        if (eventName.equals("user_submit_info")) {
            return submittedInfo(account, event);
        }
        if (eventName.equals("user_received_message")) {
            return receipt(oaId, event, ReplyState.DELIVERED);
        }
        if (eventName.equals("user_seen_message")) {
            return receipt(oaId, event, ReplyState.SEEN);
        }
        // Management events and anything Zalo adds later stay stored for the record and do nothing else.
        return "IGNORED";
    }

    private String inbound(
            long eventId, Binding account, JsonNode event, Instant at, ThreadKind threadKind, String type) {
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
            if (parsed.kind() == MessageKind.TEXT && linkedOfficer(account, senderId, msgId, parsed.text())) {
                return "PROCESSED";
            }
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
                at,
                threadKind == ThreadKind.GROUP
                        ? groups.villageOf(account.oaId(), contact)
                        : followers.villageOf(account.oaId(), senderId)));
        return appended ? "PROCESSED" : "DUPLICATE";
    }

    /**
     * Zalo's echo of a message the page sent. BinhYen's own sends are in the thread already (found by Zalo's message
     * id); anything else was written outside BinhYen (the OA's admin in Zalo's chat) and goes into the thread as a
     * police message. An echo that overtakes the recording of our own send (same recipient and text still queued)
     * waits and is looked at again.
     */
    private String echo(Binding account, String eventName, JsonNode event, Instant at) {
        boolean group = eventName.startsWith("oa_send_group_");
        String type = eventName.substring(group ? "oa_send_group_".length() : "oa_send_".length());
        String contact = ZaloJson.text(event.path("recipient").path("id"));
        JsonNode message = event.path("message");
        String msgId = ZaloJson.text(message.path("msg_id"));
        if (contact.isEmpty() || msgId.isEmpty() || deliveries.isOurSend(account.oaId(), msgId)) {
            return "IGNORED";
        }
        ParsedMessage parsed = ParsedMessage.of(type, message);
        if (deliveries.isBeingSent(account.oaId(), contact, parsed.text())) {
            throw new RetryLaterException("echo of a send not recorded yet");
        }
        boolean added = conversations.recordEcho(new InboundMessage(
                ConversationChannel.ZALO,
                group ? ThreadKind.GROUP : ThreadKind.RESIDENT,
                account.oaId(),
                contact,
                account.provinceCode(),
                account.communeCode(),
                msgId,
                parsed.kind(),
                parsed.text(),
                parsed.url(),
                parsed.latitude(),
                parsed.longitude(),
                null,
                at,
                group ? groups.villageOf(account.oaId(), contact) : followers.villageOf(account.oaId(), contact)));
        return added ? "PROCESSED" : "DUPLICATE";
    }

    /**
     * An officer sent their link code from their own Zalo: that account now receives their urgent alerts, and is told
     * so. The code is not a resident's message and opens no thread.
     */
    private boolean linkedOfficer(Binding account, String userId, String msgId, String text) {
        var officer = officerLinks.linkByCode(account.oaId(), account.communeCode(), userId, text);
        officer.ifPresent(id -> deliveries.enqueue(
                "officer-link:" + id + ":" + msgId,
                account.oaId(),
                DeliveryQueue.Target.USER,
                userId,
                messages.getMessage("zalo.link.done", null, java.util.Locale.forLanguageTag("vi")),
                null));
        return officer.isPresent();
    }

    /** A follower tag naming one of the commune's villages is the follower's village. */
    private String tagged(Binding account, JsonNode event) {
        String tag = ZaloJson.text(event.path("tag").path("name")).strip();
        if (tag.isEmpty()) {
            return "IGNORED";
        }
        var village = villages.match(account.communeCode(), List.of(tag));
        for (JsonNode id : event.path("tag").path("user_ids")) {
            String userId = ZaloJson.text(id);
            if (userId.isEmpty()) {
                continue;
            }
            followers.addTag(account.oaId(), userId, tag.length() > 100 ? tag.substring(0, 100) : tag);
            village.ifPresent(v -> learnVillage(account, userId, v.id(), VillageSource.TAG));
        }
        return "PROCESSED";
    }

    /**
     * The resident answered the page's request for information: sending it is their consent to the police page
     * keeping it, so it becomes their contact card (sealed by conversations), and an address naming a village tells
     * where they live. Both shapes Zalo is documented with are read (nested {@code full_address} and flat fields).
     */
    private String submittedInfo(Binding account, JsonNode event) {
        String userId = ZaloJson.text(event.path("sender").path("id"));
        JsonNode info = event.path("info");
        if (userId.isEmpty() || !info.isObject()) {
            return "IGNORED";
        }
        JsonNode nested = info.path("full_address");
        List<String> address = new ArrayList<>();
        for (String field : List.of("user_address", "user_ward", "user_district", "user_city")) {
            address.add(ZaloJson.text(nested.path(field)));
        }
        for (String field : List.of("address", "ward", "district", "city")) {
            address.add(ZaloJson.text(info.path(field)));
        }
        if (info.path("full_address").isString()) {
            address.add(ZaloJson.text(info.path("full_address")));
        }
        String addressText = String.join(
                ", ",
                address.stream().map(String::strip).filter(a -> !a.isEmpty()).toList());
        conversations.recordContactCard(
                ConversationChannel.ZALO,
                account.oaId(),
                userId,
                new ContactCard(
                        limit(ZaloJson.text(info.path("name"))),
                        limit(ZaloJson.text(info.path("phone"))),
                        limit(addressText)));
        villages.match(account.communeCode(), List.of(addressText))
                .ifPresent(v -> learnVillage(account, userId, v.id(), VillageSource.SUBMIT_INFO));
        return "PROCESSED";
    }

    private void learnVillage(Binding account, String userId, long villageId, VillageSource source) {
        followers.setVillage(account.oaId(), userId, villageId, source.name());
        conversations.learnVillage(ConversationChannel.ZALO, account.oaId(), userId, villageId, source);
    }

    private static @Nullable String limit(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        return v.length() > 300 ? v.substring(0, 300) : v;
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
            var notice = deliveries.recordNoticeReceipt(oaId, id, state == ReplyState.SEEN, timestamp(event));
            if (notice.isPresent()) {
                anyKnown = true;
                notices.zaloOutcome(notice.get(), state == ReplyState.SEEN ? ZaloOutcome.SEEN : ZaloOutcome.DELIVERED);
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
