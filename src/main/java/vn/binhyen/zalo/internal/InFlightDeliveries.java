package vn.binhyen.zalo.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.binhyen.zalo.internal.DeliveryQueue.Delivery;
import vn.binhyen.zalo.internal.DeliveryQueue.Target;

/**
 * Exactly once for bulletin messages across a crash. Zalo's message API takes no idempotency key, and a batch's
 * outcome commits only after its requests come back, so a node killed in between leaves rows that look unsent
 * although the resident has them. Before a batch's bulletin messages go out their ids are committed here (in a
 * transaction of their own); the batch's transaction deletes them with the outcome. A delivery that is still PENDING
 * and still here was in the air when a node died: before it is sent again, the OA's latest messages with the
 * resident are read from Zalo ({@code GET /v2.0/oa/conversation}, at most 10) and, if the bulletin is among them, it is
 * recorded as sent with that message id instead.
 */
@Component
public class InFlightDeliveries {

    /** Zalo returns at most 10 messages of a conversation per call. */
    static final int CONVERSATION_PAGE = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final ZaloHttp http;
    private final ZaloEndpoints endpoints;

    InFlightDeliveries(
            JdbcClient jdbc, PlatformTransactionManager transactions, ZaloHttp http, ZaloEndpoints endpoints) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.http = http;
        this.endpoints = endpoints;
    }

    /** Whether the delivery is watched here: bulletin messages to residents, and article broadcasts. */
    static boolean watched(Delivery delivery) {
        return delivery.bulletinRef() != null
                && (delivery.target() == Target.USER || delivery.target() == Target.BROADCAST);
    }

    /** Of these deliveries, those a previous attempt marked and never settled. */
    public Set<Long> inDoubt(List<Delivery> deliveries) {
        Long[] ids = deliveries.stream()
                .filter(InFlightDeliveries::watched)
                .map(Delivery::id)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT delivery_id FROM zalo.deliveries_in_flight WHERE delivery_id = ANY(?)")
                .param(ids)
                .query(Long.class)
                .list());
    }

    /** Commits, before any request leaves, that these deliveries are about to be sent. */
    public void markSending(List<Delivery> deliveries) {
        Long[] ids = deliveries.stream()
                .filter(InFlightDeliveries::watched)
                .map(Delivery::id)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        own.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO zalo.deliveries_in_flight (delivery_id)
                        SELECT unnest(CAST(? AS BIGINT[])) ON CONFLICT DO NOTHING
                        """).param(ids).update());
    }

    /** In the batch's transaction: the outcomes are being written, so nothing of these is in doubt any more. */
    public void settled(List<Delivery> deliveries) {
        Long[] ids = deliveries.stream()
                .filter(InFlightDeliveries::watched)
                .map(Delivery::id)
                .toArray(Long[]::new);
        if (ids.length > 0) {
            jdbc.sql("DELETE FROM zalo.deliveries_in_flight WHERE delivery_id = ANY(?)")
                    .param(ids)
                    .update();
        }
    }

    /**
     * The id of the OA's message to the resident with exactly this text among their latest messages, if Zalo has it.
     *
     * @throws ZaloUnreachableException when Zalo cannot say (the delivery then waits, rather than risk a duplicate)
     */
    public Optional<String> alreadyDelivered(String accessToken, String oaId, Delivery delivery) {
        String data = ZaloJson.MAPPER.writeValueAsString(ZaloJson.MAPPER
                .createObjectNode()
                .put("user_id", delivery.recipientId())
                .put("offset", 0)
                .put("count", CONVERSATION_PAGE));
        String url =
                endpoints.api("/v2.0/oa/conversation") + "?data=" + URLEncoder.encode(data, StandardCharsets.UTF_8);
        var response = http.send("GET", url, Map.of("access_token", accessToken), "", "");
        if (response.status() != 200) {
            throw new ZaloUnreachableException("Zalo answered HTTP " + response.status() + " to a conversation read");
        }
        JsonNode body;
        try {
            body = ZaloJson.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new ZaloUnreachableException("Zalo answered a conversation read with something not JSON", e);
        }
        if (body.path("error").asLong(-1) != 0) {
            throw new ZaloUnreachableException(
                    "Zalo refused a conversation read: " + body.path("error").asLong());
        }
        for (JsonNode message : body.path("data")) {
            if (oaId.equals(ZaloJson.text(message.path("from_id")))
                    && delivery.text().equals(ZaloJson.text(message.path("message")))) {
                return Optional.of(ZaloJson.text(message.path("message_id")));
            }
        }
        return Optional.empty();
    }
}
