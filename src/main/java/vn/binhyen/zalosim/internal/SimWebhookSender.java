package vn.binhyen.zalosim.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * Delivers events to BinhYen the way Zalo does: one JSON event per POST, signed with
 * {@code mac=sha256(appId + body + timestamp + OA secret key)}, 2 seconds to answer 200, otherwise retried along the
 * configured ladder with a {@code num_retry} header. Written independently of the adapter's verifier on purpose.
 */
@Component
@SimulatorOnly
public class SimWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(SimWebhookSender.class);
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final List<DeliveryRecord> journal = new CopyOnWriteArrayList<>();

    public SimWebhookSender(SimProperties properties, Environment environment, Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .build();
        this.scheduler = Executors.newScheduledThreadPool(
                2, Thread.ofVirtual().name("zalosim-webhook-", 0).factory());
    }

    /** What was delivered and how it went; the demo page and tests read it. */
    public record DeliveryRecord(String eventName, int numRetry, int status) {}

    /** A new event envelope with the fields every event carries. */
    public ObjectNode envelope(SimOa oa, String eventName) {
        ObjectNode event = JSON.createObjectNode();
        event.put("app_id", oa.appId());
        event.put("event_name", eventName);
        return event;
    }

    /** Stamps, signs and sends the event (in the background, like Zalo: the caller does not wait). */
    public void deliver(SimOa oa, ObjectNode event) {
        event.put("timestamp", String.valueOf(clock.millis()));
        byte[] body = JSON.writeValueAsBytes(event);
        String eventName = event.path("event_name").asString("");
        scheduler.execute(() -> attempt(oa, eventName, body, 0));
        if (properties.duplicateDeliveries()) {
            scheduler.schedule(() -> attempt(oa, eventName, body, 0), 50, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends the same signed bytes again now, as a replay or an extra redelivery would. */
    public int replay(SimOa oa, byte[] body, int numRetry) {
        return post(oa, body, numRetry);
    }

    public List<DeliveryRecord> journal() {
        return List.copyOf(journal);
    }

    private void attempt(SimOa oa, String eventName, byte[] body, int numRetry) {
        int status = post(oa, body, numRetry);
        journal.add(new DeliveryRecord(eventName, numRetry, status));
        if (status == 200) {
            return;
        }
        List<Duration> ladder = properties.webhookRetryDelays();
        if (numRetry < ladder.size()) {
            scheduler.schedule(
                    () -> attempt(oa, eventName, body, numRetry + 1),
                    ladder.get(numRetry).toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            log.warn("Simulated Zalo gave up delivering {} to OA {}'s webhook", eventName, oa.oaId());
        }
    }

    private int post(SimOa oa, byte[] body, int numRetry) {
        String timestamp = JSON.readTree(body).path("timestamp").asString("");
        var request = HttpRequest.newBuilder(URI.create(webhookUrl(oa.oaId())))
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", "mac=" + signature(oa.appId(), body, timestamp, oa.oaSecretKey()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (numRetry > 0) {
            request.header("num_retry", String.valueOf(numRetry));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    static String signature(String appId, byte[] body, String timestamp, String oaSecretKey) {
        try {
            String joined = appId + new String(body, StandardCharsets.UTF_8) + timestamp + oaSecretKey;
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String webhookUrl(String oaId) {
        String base = properties.webhookBaseUrl();
        if (base.startsWith("/")) {
            base = "http://localhost:" + environment.getProperty("local.server.port", "8080") + base;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/channels/zalo/" + oaId
                + "/webhook";
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
