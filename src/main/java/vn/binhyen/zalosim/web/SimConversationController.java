package vn.binhyen.zalosim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.binhyen.zalosim.internal.SimWebhookSender;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/**
 * The simulated {@code GET /v2.0/oa/conversation?data={"user_id","offset","count"}}: the OA's messages with one user,
 * newest first, at most 10 per call ([JSDK]/[PSDK] in the reference notes), each with {@code message_id},
 * {@code from_id}, {@code to_id}, {@code message} and {@code time}.
 */
@RestController
@RequestMapping(path = "/sim/zalo/openapi", produces = MediaType.APPLICATION_JSON_VALUE)
@SimulatorOnly
class SimConversationController {

    private static final int MAX_COUNT = 10;

    private final SimWorld world;
    private final SimApi api;

    SimConversationController(SimWorld world, SimApi api) {
        this.world = world;
        this.api = api;
    }

    @GetMapping("/v2.0/oa/conversation")
    ResponseEntity<Map<String, Object>> conversation(
            @RequestHeader(name = "access_token", required = false) String token,
            @RequestParam(name = "data", defaultValue = "") String data) {
        return api.call(token, oa -> page(oa, data));
    }

    private Map<String, Object> page(SimWorld.SimOa oa, String data) {
        JsonNode query;
        try {
            query = SimWebhookSender.JSON.readTree(data);
        } catch (RuntimeException e) {
            query = null;
        }
        if (query == null || !query.isObject()) {
            return SimApi.error(-201, "data is invalid!");
        }
        String userId = query.path("user_id").asString("");
        int offset = query.path("offset").asInt(0);
        int count = query.path("count").asInt(MAX_COUNT);
        if (userId.isEmpty() || !userId.matches("[0-9]{1,32}") || offset < 0 || count < 1 || count > MAX_COUNT) {
            return SimApi.error(-201, "user_id, offset or count is invalid!");
        }
        var messages = List.copyOf(world.conversation(oa.oaId(), userId));
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = messages.size() - 1 - offset; i >= 0 && page.size() < count; i--) {
            var message = messages.get(i);
            var item = new LinkedHashMap<String, Object>();
            item.put("src", message.fromOa ? 0 : 1);
            item.put("time", message.at.toEpochMilli());
            item.put("type", "text");
            item.put("message", message.text);
            item.put("message_id", message.msgId);
            item.put("from_id", message.fromOa ? oa.oaId() : userId);
            item.put("to_id", message.fromOa ? userId : oa.oaId());
            page.add(item);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("data", page);
        body.put("error", 0);
        body.put("message", "Success");
        return body;
    }
}
