package vn.binhyen.zalo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Takes a webhook delivery from Zalo: checks its signature, stores the raw event with one INSERT (a redelivery or a
 * replay collapses onto the first copy) and nothing else, so Zalo gets its 200 in milliseconds. What the event
 * means is worked out later by {@link WebhookEventProcessor}.
 */
@Component
public class WebhookIntake {

    /** Rejected deliveries go to the security log: which OA, from where and why; never the body or a secret. */
    private static final Logger security = LoggerFactory.getLogger("vn.binhyen.security.zalo");
    /** Zalo's clock and ours may disagree a little; an event from further in the future is not believed. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final OfficialAccountStore accounts;
    private final JdbcClient jdbc;
    private final ZaloProperties properties;
    private final Clock clock;

    WebhookIntake(OfficialAccountStore accounts, JdbcClient jdbc, ZaloProperties properties, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public enum Outcome {
        STORED,
        DUPLICATE,
        UNKNOWN_ACCOUNT,
        BAD_SIGNATURE,
        MALFORMED,
        TOO_LARGE,
        STALE
    }

    public Outcome receive(String oaId, byte[] body, @Nullable String signature, int numRetry, String remote) {
        if (body.length > properties.maxWebhookBytes()) {
            return reject(oaId, remote, Outcome.TOO_LARGE);
        }
        var keys = oaId.matches("[0-9]{1,32}") ? accounts.webhookKeys(oaId).orElse(null) : null;
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
        String expected = WebhookSignature.compute(keys.appId(), body, timestamp, keys.oaSecretKey());
        if (!WebhookSignature.matches(signature, expected)) {
            return reject(oaId, remote, Outcome.BAD_SIGNATURE);
        }
        if (!fresh(timestamp)) {
            return reject(oaId, remote, Outcome.STALE);
        }
        String eventName = ZaloJson.text(event.path("event_name"));
        int inserted = jdbc.sql("""
                        INSERT INTO zalo.webhook_events (oa_id, event_key, event_name, raw_body, num_retry)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (oa_id, event_key) DO NOTHING
                        """)
                .params(
                        oaId,
                        eventKey(eventName, event, body),
                        eventName.isEmpty() ? "unknown" : eventName,
                        new String(body, StandardCharsets.UTF_8),
                        Math.max(0, numRetry))
                .update();
        return inserted == 1 ? Outcome.STORED : Outcome.DUPLICATE;
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
