package vn.binhyen.zalosim.web;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.binhyen.zalosim.internal.SimArticles;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/**
 * The simulated article API ({@code /v2.0/article/*}) and the article broadcast on {@code /v2.0/oa/message}, which
 * Zalo only accepts for broadcasts now (a 1:1 text there gets {@code -240}).
 */
@RestController
@RequestMapping(path = "/sim/zalo/openapi", produces = MediaType.APPLICATION_JSON_VALUE)
@SimulatorOnly
class SimArticleController {

    private final SimApi api;
    private final SimArticles articles;

    SimArticleController(SimApi api, SimArticles articles) {
        this.api = api;
        this.articles = articles;
    }

    @PostMapping(path = "/v2.0/article/create", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return api.call(token, oa -> SimApi.answer(articles.create(oa, body)));
    }

    @PostMapping(path = "/v2.0/article/update", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> update(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return api.call(token, oa -> SimApi.answer(articles.update(oa, body)));
    }

    @PostMapping(path = "/v2.0/article/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> verify(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return api.call(
                token,
                oa -> SimApi.answer(articles.verify(oa, body.path("token").asString(""))));
    }

    @GetMapping("/v2.0/article/getdetail")
    ResponseEntity<Map<String, Object>> detail(
            @RequestHeader(name = "access_token", required = false) String token,
            @RequestParam(name = "id", defaultValue = "") String id) {
        return api.call(token, oa -> SimApi.answer(articles.detail(oa, id)));
    }

    @PostMapping(path = "/v2.0/article/remove", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> remove(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return api.call(
                token, oa -> SimApi.answer(articles.remove(oa, body.path("id").asString(""))));
    }

    @PostMapping(path = "/v2.0/oa/message", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> message(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return api.call(token, oa -> {
            JsonNode recipient = body.path("recipient");
            if (recipient.has("user_id")) {
                return SimApi.error(-240, "MessageV2 API has been shut down, please switch to MessageV3");
            }
            JsonNode payload = body.path("message").path("attachment").path("payload");
            JsonNode element = payload.path("elements").path(0);
            if (!recipient.path("target").isObject()
                    || !"media".equals(payload.path("template_type").asString(""))
                    || !"article".equals(element.path("media_type").asString(""))) {
                return SimApi.error(-201, "message is invalid!");
            }
            return SimApi.answer(
                    articles.broadcast(oa, element.path("attachment_id").asString(""), recipient.path("target")));
        });
    }

    @PostMapping(path = "/v2.0/oa/quota/message", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> quota(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return api.call(token, oa -> {
            if (!"promotion".equals(body.path("type").asString(""))) {
                return SimApi.error(-201, "type is invalid!");
            }
            return SimApi.answer(articles.promotionQuota(oa));
        });
    }
}
