package vn.binhyen.zalosim.web;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
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
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.zalosim.internal.SimProperties;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimZalo;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/**
 * The simulated {@code openapi.zalo.me}: the {@code access_token} header (a bearer token is anonymous), errors as
 * HTTP 200 with a negative {@code error}, {@code X-RateLimit-*} headers, {@code -32} over the per-minute limit, the
 * 7-day window ({@code -230}) and the 2,000-character text limit.
 */
@RestController
@RequestMapping(path = "/sim/zalo/openapi", produces = MediaType.APPLICATION_JSON_VALUE)
@SimulatorOnly
class SimOpenApiController {

    private static final DateTimeFormatter PERIOD_DAY = DateTimeFormatter.ofPattern("uuuu_MM_dd");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VietnamTime.ZONE);

    private final SimZalo zalo;
    private final SimWorld world;
    private final SimApi api;
    private final SimProperties properties;
    private final Clock clock;

    SimOpenApiController(SimZalo zalo, SimWorld world, SimApi api, SimProperties properties, Clock clock) {
        this.zalo = zalo;
        this.world = world;
        this.api = api;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/v3.0/oa/message/cs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> sendConsultation(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return call(token, oa -> {
            String userId = body.path("recipient").path("user_id").asString("");
            String text = body.path("message").path("text").asString("");
            if (userId.isEmpty()) {
                return error(-201, "user_id is invalid!");
            }
            if (text.isBlank() || codePoints(text) > 2000) {
                return error(-201, "text is invalid!");
            }
            Instant last = world.lastInteraction(oa.oaId(), userId);
            if (properties.enforceWindow()
                    && (last == null || last.isBefore(clock.instant().minus(properties.interactionWindow())))) {
                return error(-230, "User has not interacted with the OA in the past 7 days");
            }
            var message = zalo.deliverToPhone(oa, userId, text);
            var quota = new LinkedHashMap<String, Object>();
            quota.put("quota_type", "reply");
            quota.put("remain", "8");
            quota.put("total", "8");
            var data = new LinkedHashMap<String, Object>();
            data.put("quota", quota);
            data.put("message_id", message.msgId);
            data.put("user_id", userId);
            data.put("sent_time", String.valueOf(message.at.toEpochMilli()));
            return success(data);
        });
    }

    @PostMapping(path = "/v3.0/oa/group/message", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> sendGroup(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return call(token, oa -> {
            String groupId = body.path("recipient").path("group_id").asString("");
            String text = body.path("message").path("text").asString("");
            var group = world.group(groupId).orElse(null);
            if (group == null || !group.oaId().equals(oa.oaId())) {
                return error(-403, "OA is not in group");
            }
            if (text.isBlank() || codePoints(text) > 2000) {
                return error(-201, "text is invalid!");
            }
            var message = world.addMessage(oa.oaId(), groupId, true, text, oa.name());
            return success(Map.of("message_id", message.msgId, "group_id", groupId));
        });
    }

    @GetMapping("/v3.0/oa/user/getlist")
    ResponseEntity<Map<String, Object>> followers(
            @RequestHeader(name = "access_token", required = false) String token,
            @RequestParam(name = "data", defaultValue = "{}") String data) {
        return call(token, oa -> {
            JsonNode query = parse(data);
            if (query == null) {
                return error(-201, "data is invalid!");
            }
            int offset = query.path("offset").asInt(0);
            int count = query.path("count").asInt(15);
            if (offset < 0 || offset > 9951 || count < 1 || count > 50) {
                return error(-201, "offset or count is invalid!");
            }
            List<String> all = world.followersOf(oa.oaId());
            String period = query.path("last_interaction_period").asString("");
            if (!period.isEmpty()) {
                LocalDate[] days = period(period);
                if (days == null) {
                    return error(-201, "last_interaction_period is invalid!");
                }
                all = all.stream()
                        .filter(id -> {
                            Instant last = world.lastInteraction(oa.oaId(), id);
                            if (last == null) {
                                return false;
                            }
                            LocalDate day = last.atZone(VietnamTime.ZONE).toLocalDate();
                            return !day.isBefore(days[0]) && !day.isAfter(days[1]);
                        })
                        .toList();
            }
            var users = all.stream()
                    .skip(offset)
                    .limit(count)
                    .map(id -> Map.of("user_id", id))
                    .toList();
            return success(Map.of("total", all.size(), "count", users.size(), "offset", offset, "users", users));
        });
    }

    /**
     * Zalo's {@code last_interaction_period}: TODAY, YESTERDAY, L7D, L30D or "YYYY_MM_DD:YYYY_MM_DD" (both days
     * included, Vietnam time); null when it is none of these.
     */
    private LocalDate @Nullable [] period(String period) {
        LocalDate today = clock.instant().atZone(VietnamTime.ZONE).toLocalDate();
        switch (period) {
            case "TODAY" -> {
                return new LocalDate[] {today, today};
            }
            case "YESTERDAY" -> {
                return new LocalDate[] {today.minusDays(1), today.minusDays(1)};
            }
            case "L7D" -> {
                return new LocalDate[] {today.minusDays(6), today};
            }
            case "L30D" -> {
                return new LocalDate[] {today.minusDays(29), today};
            }
            default -> {
                String[] parts = period.split(":", -1);
                if (parts.length != 2) {
                    return null;
                }
                try {
                    LocalDate from = LocalDate.parse(parts[0], PERIOD_DAY);
                    LocalDate to = LocalDate.parse(parts[1], PERIOD_DAY);
                    return from.isAfter(to) ? null : new LocalDate[] {from, to};
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        }
    }

    /** {@code tagfollower}: the follower goes under the tag, which is created when new. */
    @PostMapping(path = "/v2.0/oa/tag/tagfollower", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> tagFollower(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return tagging(token, body, true);
    }

    /** {@code rmfollowerfromtag}: the follower leaves the tag. */
    @PostMapping(path = "/v2.0/oa/tag/rmfollowerfromtag", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> untagFollower(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return tagging(token, body, false);
    }

    private ResponseEntity<Map<String, Object>> tagging(String token, JsonNode body, boolean add) {
        return call(token, oa -> {
            // Zalo's samples send user_id as a string; some clients send a bare number.
            String userId = body.path("user_id").isNumber()
                    ? body.path("user_id").asString()
                    : body.path("user_id").asString("");
            String tag = body.path("tag_name").asString("").strip();
            if (userId.isEmpty() || !world.knows(userId)) {
                return error(-201, "user_id is invalid!");
            }
            if (tag.isEmpty() || tag.length() > 100) {
                return error(-201, "tag_name is invalid!");
            }
            if (!world.follows(oa.oaId(), userId)) {
                return error(-213, "User has not followed OA");
            }
            if (add) {
                world.tag(oa.oaId(), userId, tag);
            } else {
                world.untag(oa.oaId(), userId, tag);
            }
            return success(Map.of());
        });
    }

    @GetMapping("/v3.0/oa/user/detail")
    ResponseEntity<Map<String, Object>> userDetail(
            @RequestHeader(name = "access_token", required = false) String token,
            @RequestParam(name = "data", defaultValue = "{}") String data) {
        return call(token, oa -> {
            JsonNode query = parse(data);
            String userId = query == null ? "" : query.path("user_id").asString("");
            if (userId.isEmpty() || !world.knows(userId)) {
                return error(-201, "user_id is invalid!");
            }
            var user = world.user(userId);
            Instant last = world.lastInteraction(oa.oaId(), userId);
            var detail = new LinkedHashMap<String, Object>();
            detail.put("user_id", userId);
            detail.put("display_name", user.displayName());
            detail.put("user_alias", "");
            detail.put("is_sensitive", false);
            detail.put("user_last_interaction_date", last == null ? "" : DAY.format(last));
            detail.put("user_is_follower", world.follows(oa.oaId(), userId));
            detail.put("avatar", "");
            detail.put("tags_and_notes_info", Map.of("notes", List.of(), "tag_names", world.tagsOf(oa.oaId(), userId)));
            return success(detail);
        });
    }

    /** GMF groups the OA is in; plain {@code offset}/{@code count} query parameters, as Zalo's API explorer shows. */
    @GetMapping("/v3.0/oa/group/getgroupsofoa")
    ResponseEntity<Map<String, Object>> groupsOfOa(
            @RequestHeader(name = "access_token", required = false) String token,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "count", defaultValue = "10") int count) {
        return call(token, oa -> {
            if (offset < 0 || count < 1 || count > 50) {
                return error(-201, "offset or count is invalid!");
            }
            var all = world.groupsOf(oa.oaId());
            var page = all.stream()
                    .skip(offset)
                    .limit(count)
                    .map(g -> Map.<String, Object>of("group_id", g.groupId(), "name", g.name(), "status", "enabled"))
                    .toList();
            return success(Map.of("total", all.size(), "count", page.size(), "offset", offset, "groups", page));
        });
    }

    @PostMapping(path = "/v3.0/oa/quota/message", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> quota(
            @RequestHeader(name = "access_token", required = false) String token, @RequestBody JsonNode body) {
        return call(token, oa -> {
            String userId = body.path("user_id").asString("");
            if (userId.isEmpty()) {
                return error(-201, "user_id is invalid!");
            }
            Instant last = world.lastInteraction(oa.oaId(), userId);
            var data = new LinkedHashMap<String, Object>();
            data.put("last_interaction", last == null ? "" : String.valueOf(last.toEpochMilli()));
            data.put("cs_reply", Map.of("remain", "8", "total", "8"));
            return success(data);
        });
    }

    private ResponseEntity<Map<String, Object>> call(
            String token, Function<SimWorld.SimOa, Map<String, Object>> handler) {
        return api.call(token, handler);
    }

    private static JsonNode parse(String data) {
        try {
            JsonNode node = vn.binhyen.zalosim.internal.SimWebhookSender.JSON.readTree(data);
            return node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int codePoints(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }

    private static Map<String, Object> success(Map<String, Object> data) {
        return SimApi.success(data);
    }

    private static Map<String, Object> error(int code, String message) {
        return SimApi.error(code, message);
    }
}
