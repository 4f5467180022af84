package vn.binhyen.zalo.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OA API calls BinhYen makes. The token travels in the {@code access_token} header (Zalo treats a bearer token
 * as anonymous); GET parameters are one JSON string in {@code data}.
 */
@Component
public class ZaloApiClient {

    private final ZaloHttp http;
    private final ZaloEndpoints endpoints;

    ZaloApiClient(ZaloHttp http, ZaloEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    /** A consultation (CS) text message to one user; allowed within 7 days of the user's last interaction. */
    public ZaloApiResult sendText(String accessToken, String userId, String text) {
        ObjectNode body = ZaloJson.MAPPER.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        body.putObject("message").put("text", text);
        return post("/v3.0/oa/message/cs", accessToken, body);
    }

    /** A text message into a GMF group the OA is in. */
    public ZaloApiResult sendGroupText(String accessToken, String groupId, String text) {
        ObjectNode body = ZaloJson.MAPPER.createObjectNode();
        body.putObject("recipient").put("group_id", groupId);
        body.putObject("message").put("text", text);
        return post("/v3.0/oa/group/message", accessToken, body);
    }

    /** Puts the follower under a tag ({@code tag_name} creates the tag when the OA has none of that name). */
    public ZaloApiResult tagFollower(String accessToken, String userId, String tagName) {
        ObjectNode body =
                ZaloJson.MAPPER.createObjectNode().put("user_id", userId).put("tag_name", tagName);
        return post("/v2.0/oa/tag/tagfollower", accessToken, body);
    }

    /** Takes the follower out of a tag. */
    public ZaloApiResult untagFollower(String accessToken, String userId, String tagName) {
        ObjectNode body =
                ZaloJson.MAPPER.createObjectNode().put("user_id", userId).put("tag_name", tagName);
        return post("/v2.0/oa/tag/rmfollowerfromtag", accessToken, body);
    }

    public ZaloApiResult userDetail(String accessToken, String userId) {
        ObjectNode data = ZaloJson.MAPPER.createObjectNode().put("user_id", userId);
        return get("/v3.0/oa/user/detail", accessToken, data);
    }

    /**
     * A page of the OA's followers; {@code period} ("YYYY_MM_DD:YYYY_MM_DD", or empty for all) narrows the list to
     * followers whose last interaction falls in it, so lists longer than Zalo's offset limit can be read in parts.
     */
    public ZaloApiResult followers(String accessToken, int offset, int count, String period) {
        ObjectNode data = ZaloJson.MAPPER
                .createObjectNode()
                .put("offset", offset)
                .put("count", count)
                .put("is_follower", "true");
        if (!period.isEmpty()) {
            data.put("last_interaction_period", period);
        }
        return get("/v3.0/oa/user/getlist", accessToken, data);
    }

    /** The OA's GMF groups; this endpoint takes plain query parameters, not the usual {@code data} JSON. */
    public ZaloApiResult groupsOfOa(String accessToken, int offset, int count) {
        String url = endpoints.api("/v3.0/oa/group/getgroupsofoa") + "?offset=" + offset + "&count=" + count;
        return read(http.send("GET", url, Map.of("access_token", accessToken), "", ""));
    }

    public ZaloApiResult quota(String accessToken, String userId) {
        ObjectNode body = ZaloJson.MAPPER.createObjectNode().put("user_id", userId);
        return post("/v3.0/oa/quota/message", accessToken, body);
    }

    /** Creates a normal article; Zalo answers a token to verify, not the article (it builds articles later). */
    public ZaloApiResult createArticle(String accessToken, JsonNode article) {
        return post("/v2.0/article/create", accessToken, article);
    }

    /** Changes an article ({@code article} carries its {@code id}); answers a token to verify, as create does. */
    public ZaloApiResult updateArticle(String accessToken, JsonNode article) {
        return post("/v2.0/article/update", accessToken, article);
    }

    /** The article id for a create or update token, or {@code -214} while Zalo still processes the article. */
    public ZaloApiResult verifyArticle(String accessToken, String articleToken) {
        return post(
                "/v2.0/article/verify",
                accessToken,
                ZaloJson.MAPPER.createObjectNode().put("token", articleToken));
    }

    public ZaloApiResult removeArticle(String accessToken, String articleId) {
        return post(
                "/v2.0/article/remove",
                accessToken,
                ZaloJson.MAPPER.createObjectNode().put("id", articleId));
    }

    /** Broadcasts an article to the OA's followers that match {@code target} (Zalo's own targeting). */
    public ZaloApiResult broadcastArticle(String accessToken, String articleId, JsonNode target) {
        ObjectNode body = ZaloJson.MAPPER.createObjectNode();
        body.putObject("recipient").set("target", target);
        ObjectNode payload = body.putObject("message")
                .putObject("attachment")
                .put("type", "template")
                .putObject("payload")
                .put("template_type", "media");
        payload.putArray("elements").addObject().put("media_type", "article").put("attachment_id", articleId);
        return post("/v2.0/oa/message", accessToken, body);
    }

    private ZaloApiResult post(String path, String accessToken, JsonNode body) {
        var response = http.send(
                "POST",
                endpoints.api(path),
                Map.of("access_token", accessToken),
                "application/json",
                ZaloJson.MAPPER.writeValueAsString(body));
        return read(response);
    }

    private ZaloApiResult get(String path, String accessToken, JsonNode data) {
        String url = endpoints.api(path) + "?data="
                + URLEncoder.encode(ZaloJson.MAPPER.writeValueAsString(data), StandardCharsets.UTF_8);
        return read(http.send("GET", url, Map.of("access_token", accessToken), "", ""));
    }

    private static ZaloApiResult read(ZaloHttp.Response response) {
        if (response.status() == 401) {
            return new ZaloApiResult(
                    ZaloApiResult.TOKEN_INVALID,
                    "HTTP 401",
                    tools.jackson.databind.node.MissingNode.getInstance(),
                    response.rateLimitRemain());
        }
        if (response.status() >= 500 || response.status() == 429) {
            throw new ZaloUnreachableException("Zalo answered HTTP " + response.status());
        }
        JsonNode body;
        try {
            body = ZaloJson.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new ZaloUnreachableException("Zalo answered something that is not JSON", e);
        }
        if (!body.isObject() || !body.has("error")) {
            throw new ZaloUnreachableException("Zalo answered HTTP " + response.status() + " without an error field");
        }
        return new ZaloApiResult(
                (int) body.path("error").asLong(0),
                ZaloJson.text(body.path("message")),
                body.path("data"),
                response.rateLimitRemain());
    }
}
