package vn.binhyen.zalo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.binhyen.incidents.SignalTriage;

/**
 * Takes a webhook delivery from Zalo: checks its signature (the OA's key comes from memory), stores the raw event
 * through {@link WebhookEventWriter} (group commit; a redelivery or a replay collapses onto the first copy) and
 * nothing else, so Zalo gets its 200 in milliseconds, and only once the event is committed. What the event
 * means is worked out later by {@link WebhookEventProcessor}.
 */
@Component
public class WebhookIntake {

    /** Rejected deliveries go to the security log: which OA, from where and why; never the body or a secret. */
    private static final Logger security = LoggerFactory.getLogger("vn.binhyen.security.zalo");
    /** Zalo's clock and ours may disagree a little; an event from further in the future is not believed. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private static final Pattern OA_ID = Pattern.compile("[0-9]{1,32}");

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final OfficialAccountStore accounts;
    private final WebhookEventWriter writer;
    private final ZaloProperties properties;
    private final Clock clock;
    private final IntakeRate rate;
    private final SignalTriage triage;

    WebhookIntake(
            OfficialAccountStore accounts,
            WebhookEventWriter writer,
            ZaloProperties properties,
            Clock clock,
            IntakeRate rate,
            SignalTriage triage) {
        this.accounts = accounts;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
        this.rate = rate;
        this.triage = triage;
    }

    public enum Outcome {
        STORED,
        DUPLICATE,
        UNKNOWN_ACCOUNT,
        BAD_SIGNATURE,
        MALFORMED,
        TOO_LARGE,
        STALE,
        /** The database did not take the event in time: no 200, so Zalo delivers it again. */
        NOT_STORED
    }

    public Outcome receive(String oaId, byte[] body, @Nullable String signature, int numRetry, String remote) {
        if (body.length > properties.maxWebhookBytes()) {
            return reject(oaId, remote, Outcome.TOO_LARGE);
        }
        var keys = OA_ID.matcher(oaId).matches() ? accounts.binding(oaId).orElse(null) : null;
        if (keys == null) {
            return reject(oaId, remote, Outcome.UNKNOWN_ACCOUNT);
        }
        if (signature == null || signature.isBlank()) {
            return reject(oaId, remote, Outcome.BAD_SIGNATURE);
        }
        JsonNode event;
        try {
            event = ZaloJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return reject(oaId, remote, Outcome.MALFORMED);
        }
        String timestamp = event == null ? "" : ZaloJson.text(event.path("timestamp"));
        if (!event.isObject() || timestamp.isEmpty()) {
            return reject(oaId, remote, Outcome.MALFORMED);
        }
        if (!signedWith(keys, body, timestamp, signature)) {
            // The key this node holds may predate a change made on another node: read it again before refusing.
            keys = accounts.reloadBinding(oaId).orElse(null);
            if (keys == null || !signedWith(keys, body, timestamp, signature)) {
                return reject(oaId, remote, Outcome.BAD_SIGNATURE);
            }
        }
        if (!fresh(timestamp)) {
            return reject(oaId, remote, Outcome.STALE);
        }
        String eventName = ZaloJson.text(event.path("event_name"));
        boolean stored;
        try {
            stored = writer.store(new WebhookEventWriter.Row(
                    oaId,
                    eventKey(eventName, event, body),
                    eventName.isEmpty() ? "unknown" : eventName,
                    new String(body, StandardCharsets.UTF_8),
                    Math.max(0, numRetry),
                    orderingKey(eventName, event),
                    mayWarn(oaId, keys.communeCode(), eventName, event)));
        } catch (WebhookEventWriter.EventNotStoredException e) {
            log.warn("Zalo webhook event of OA {} not stored in time; Zalo will deliver it again", safe(oaId));
            return Outcome.NOT_STORED;
        }
        if (stored) {
            rate.record();
        }
        return stored ? Outcome.STORED : Outcome.DUPLICATE;
    }

    /**
     * Whose events must be handled in order: the group for group traffic, otherwise the resident (the sender of what
     * a resident does, the recipient of what the OA sends, the follower of a follow).
     */
    static String orderingKey(String eventName, JsonNode event) {
        String key;
        if (eventName.startsWith("user_send_group_") || eventName.startsWith("oa_send_group_")) {
            key = ZaloJson.text(event.path("recipient").path("id"));
        } else if (eventName.startsWith("oa_send_")
                || eventName.equals("user_received_message")
                || eventName.equals("user_seen_message")) {
            key = ZaloJson.text(event.path("recipient").path("id"));
        } else if (eventName.equals("follow") || eventName.equals("unfollow")) {
            key = ZaloJson.text(event.path("follower").path("id"));
        } else {
            key = ZaloJson.text(event.path("sender").path("id"));
        }
        return key.length() > 80 ? key.substring(0, 80) : key;
    }

    /**
     * Whether a resident's or a group's text may warn of trouble, so the lanes take it first. Only texts: what else a
     * resident does (a follow, a receipt) must keep its order, and a photo or a location says nothing to watch terms.
     */
    private boolean mayWarn(String oaId, String communeCode, String eventName, JsonNode event) {
        if (!eventName.equals("user_send_text") && !eventName.equals("user_send_group_text")) {
            return false;
        }
        try {
            return triage.mayWarn(
                    communeCode, ZaloJson.text(event.path("message").path("text")));
        } catch (RuntimeException e) {
            // The order of work is a nicety, storing the event is the promise: it is stored unmarked.
            log.warn(
                    "Zalo event of OA {} not triaged: {}",
                    safe(oaId),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private static boolean signedWith(
            OfficialAccountStore.Binding keys, byte[] body, String timestamp, String signature) {
        return WebhookSignature.matches(
                signature, WebhookSignature.compute(keys.appId(), body, timestamp, keys.oaSecretKey()));
    }

    /**
     * The key a redelivery shares with the first delivery: the event name with Zalo's message id when there is one
     * (a receipt and an echo may carry the same id, hence the name), otherwise a hash of the exact body.
     */
    static String eventKey(String eventName, JsonNode event, byte[] body) {
        String msgId = ZaloJson.text(event.path("message").path("msg_id"));
        if (!msgId.isEmpty() && !eventName.equals("user_seen_message")) {
            return eventName + ":" + msgId;
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sentAt = Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
            Instant now = clock.instant();
            return sentAt.isAfter(now.minus(properties.maxEventAge())) && sentAt.isBefore(now.plus(FUTURE_TOLERANCE));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Outcome reject(String oaId, String remote, Outcome why) {
        security.warn("Zalo webhook refused: oa={} remote={} reason={}", safe(oaId), remote, why);
        return why;
    }

    /** The path segment is attacker-controlled; keep log lines clean. */
    private static String safe(String value) {
        String cleaned = value.replaceAll("[^0-9A-Za-z_-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
