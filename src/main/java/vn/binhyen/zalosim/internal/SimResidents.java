package vn.binhyen.zalosim.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;
import vn.binhyen.zalosim.internal.SimWorld.PhoneMessage;
import vn.binhyen.zalosim.internal.SimWorld.SimGroup;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * What a resident does on their phone, turned into the webhook events Zalo would send: following a commune's page,
 * writing to it, sharing a location, writing in a village group, and reading the police's replies.
 */
@Component
@SimulatorOnly
public class SimResidents {

    private final SimWorld world;
    private final SimWebhookSender webhooks;
    private final SimProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("zalosim-receipts").factory());

    public SimResidents(SimWorld world, SimWebhookSender webhooks, SimProperties properties, Clock clock) {
        this.world = world;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
    }

    public void follow(SimOa oa, String userId, boolean following) {
        world.setFollowing(oa.oaId(), userId, following);
        if (following) {
            world.interacted(oa.oaId(), userId, clock.instant());
        }
        ObjectNode event = webhooks.envelope(oa, following ? "follow" : "unfollow");
        event.put("oa_id", oa.oaId());
        event.putObject("follower").put("id", userId);
        event.put("source", "oa_profile");
        event.put("user_id_by_app", world.digits("by-app:" + userId, 18));
        webhooks.deliver(oa, event);
    }

    public PhoneMessage sendText(SimOa oa, String userId, String text) {
        PhoneMessage message = world.addMessage(oa.oaId(), userId, false, text, null);
        ObjectNode event = userEvent(oa, userId, "user_send_text", message);
        ((ObjectNode) event.path("message")).put("text", text);
        webhooks.deliver(oa, event);
        return message;
    }

    public PhoneMessage sendLocation(SimOa oa, String userId, double latitude, double longitude) {
        PhoneMessage message = world.addMessage(oa.oaId(), userId, false, "📍 " + latitude + ", " + longitude, null);
        ObjectNode event = userEvent(oa, userId, "user_send_location", message);
        ObjectNode coordinates = ((ObjectNode) event.path("message"))
                .putArray("attachments")
                .addObject()
                .put("type", "location")
                .putObject("payload")
                .putObject("coordinates");
        coordinates.put("latitude", String.valueOf(latitude));
        coordinates.put("longitude", String.valueOf(longitude));
        webhooks.deliver(oa, event);
        return message;
    }

    public PhoneMessage sendImage(SimOa oa, String userId, String url, String caption) {
        PhoneMessage message = world.addMessage(oa.oaId(), userId, false, "🖼 " + caption, null);
        ObjectNode event = userEvent(oa, userId, "user_send_image", message);
        ObjectNode body = (ObjectNode) event.path("message");
        if (!caption.isBlank()) {
            body.put("text", caption);
        }
        body.putArray("attachments")
                .addObject()
                .put("type", "image")
                .putObject("payload")
                .put("url", url)
                .put("thumbnail", url);
        webhooks.deliver(oa, event);
        return message;
    }

    /** The OA admin tags a follower in Zalo; Zalo reports it with {@code add_user_to_tag}. */
    public void tag(SimOa oa, String userId, String tag) {
        world.tag(oa.oaId(), userId, tag);
        ObjectNode event = webhooks.envelope(oa, "add_user_to_tag");
        event.put("oa_id", oa.oaId());
        event.put("user_id_by_app", world.digits("by-app:" + userId, 18));
        ObjectNode tagNode = event.putObject("tag");
        tagNode.putArray("user_ids").add(userId);
        tagNode.put("name", tag);
        webhooks.deliver(oa, event);
    }

    /**
     * Zalo's echo of a message the OA sent ({@code oa_send_text}): from the API, or typed by the OA's admin in Zalo's
     * own OA chat; sender is the OA (with the admin), recipient the resident.
     */
    public void echo(SimOa oa, String userId, PhoneMessage message) {
        ObjectNode event = webhooks.envelope(oa, "oa_send_text");
        event.putObject("sender").put("id", oa.oaId()).put("admin_id", world.digits("admin:" + oa.oaId(), 18));
        event.putObject("recipient").put("id", userId);
        event.putObject("message").put("msg_id", message.msgId).put("text", message.text);
        webhooks.deliver(oa, event);
    }

    /** The resident answers the page's request for information ({@code user_submit_info}). */
    public PhoneMessage submitInfo(SimOa oa, String userId, String name, String phone, String address) {
        PhoneMessage message =
                world.addMessage(oa.oaId(), userId, false, "📇 " + name + " · " + phone + " · " + address, null);
        world.interacted(oa.oaId(), userId, clock.instant());
        ObjectNode event = webhooks.envelope(oa, "user_submit_info");
        event.putObject("sender").put("id", userId);
        event.putObject("recipient").put("id", oa.oaId());
        event.put("user_id_by_app", world.digits("by-app:" + userId, 18));
        ObjectNode info = event.putObject("info");
        info.put("name", name);
        info.put("phone", phone);
        info.putObject("full_address").put("user_address", address);
        webhooks.deliver(oa, event);
        return message;
    }

    public PhoneMessage sendGroupText(SimGroup group, String userId, String text) {
        SimOa oa = world.oa(group.oaId()).orElseThrow();
        PhoneMessage message = world.addMessage(
                oa.oaId(), group.groupId(), false, text, world.user(userId).displayName());
        ObjectNode event = webhooks.envelope(oa, "user_send_group_text");
        event.putObject("sender").put("id", userId);
        event.putObject("recipient").put("id", group.groupId());
        event.putObject("message").put("msg_id", message.msgId).put("text", text);
        webhooks.deliver(oa, event);
        return message;
    }

    /** The OA's message reached the phone: Zalo reports {@code user_received_message} a moment later. */
    void received(SimOa oa, String userId, String msgId) {
        receipts.schedule(
                () -> {
                    ObjectNode event = webhooks.envelope(oa, "user_received_message");
                    event.putObject("sender").put("id", oa.oaId());
                    event.putObject("recipient").put("id", userId);
                    event.putObject("message").put("msg_id", msgId);
                    webhooks.deliver(oa, event);
                },
                properties.receiptDelay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The resident opened the conversation: every unseen OA message becomes seen, in one event. */
    public List<PhoneMessage> read(SimOa oa, String userId) {
        List<PhoneMessage> conversation = world.conversation(oa.oaId(), userId);
        var unseen = conversation.stream().filter(m -> m.fromOa && !m.seen).toList();
        if (!unseen.isEmpty()) {
            unseen.forEach(m -> m.seen = true);
            ObjectNode event = webhooks.envelope(oa, "user_seen_message");
            event.putObject("sender").put("id", oa.oaId());
            event.putObject("recipient").put("id", userId);
            var ids = event.putObject("message").putArray("msg_ids");
            unseen.forEach(m -> ids.add(m.msgId));
            webhooks.deliver(oa, event);
        }
        return List.copyOf(conversation);
    }

    private ObjectNode userEvent(SimOa oa, String userId, String name, PhoneMessage message) {
        world.interacted(oa.oaId(), userId, clock.instant());
        ObjectNode event = webhooks.envelope(oa, name);
        event.putObject("sender").put("id", userId);
        event.put("user_id_by_app", world.digits("by-app:" + userId, 18));
        event.putObject("recipient").put("id", oa.oaId());
        event.putObject("message").put("msg_id", message.msgId);
        return event;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        receipts.shutdownNow();
    }
}
