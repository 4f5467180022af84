package vn.binhyen.zalosim.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.zalo.QuietHours;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * Zalo's article API and the article broadcast, as the reference notes describe them: creating or changing an article
 * answers a token, and the article id comes from {@code verify} only once Zalo has "processed" it ({@code -214} until
 * then); an OA may create so many articles a month ({@code -223}) and send so many broadcasts ({@code -211}); broadcasts
 * are refused at night ({@code -234}); a broadcast reaches the OA's followers in the targeted cities.
 */
@Component
@SimulatorOnly
public class SimArticles {

    private final SimWorld world;
    private final SimProperties properties;
    private final Clock clock;
    private volatile QuietHours nightBan;
    private volatile Duration processing;
    private final Map<String, Integer> articleQuota = new ConcurrentHashMap<>();
    private final Map<String, Integer> processingAnswers = new ConcurrentHashMap<>();
    private final Map<String, Article> articles = new ConcurrentHashMap<>();
    private final Map<String, Pending> tokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> created = new ConcurrentHashMap<>();
    private final Map<String, Integer> broadcastsSent = new ConcurrentHashMap<>();
    private final Map<String, Integer> broadcastQuota = new ConcurrentHashMap<>();
    private final List<Broadcast> broadcasts = new CopyOnWriteArrayList<>();
    private volatile String verifyIdField;

    public SimArticles(SimWorld world, SimProperties properties, Clock clock) {
        this.world = world;
        this.properties = properties;
        this.clock = clock;
        this.nightBan = QuietHours.parse(properties.broadcastNightBan());
        this.verifyIdField = properties.articleVerifyIdField();
        this.processing = properties.articleProcessing();
    }

    /** An article as Zalo keeps it. */
    public record Article(
            String id,
            String oaId,
            String title,
            String author,
            String description,
            String coverUrl,
            JsonNode body,
            String status,
            String comment,
            Instant createdAt,
            boolean removed) {}

    /** One accepted broadcast: the article, the target as sent, and how many phones got it. */
    public record Broadcast(String oaId, String articleId, String messageId, JsonNode target, int recipients) {}

    private record Pending(String articleId, String oaId, Instant readyAt) {}

    /** What the API answers: {@code error} 0 with data, or a Zalo error code and message. */
    public record Answer(int error, String message, Map<String, Object> data) {

        static Answer ok(Map<String, Object> data) {
            return new Answer(0, "Success", data);
        }

        static Answer fail(int error, String message) {
            return new Answer(error, message, Map.of());
        }
    }

    public Answer create(SimOa oa, JsonNode body) {
        String invalid = invalidNormalArticle(body);
        if (invalid != null) {
            return Answer.fail(-201, invalid + " is invalid!");
        }
        String month = oa.oaId() + "/" + YearMonth.now(clock.withZone(VietnamTime.ZONE));
        if (created.merge(month, 1, Integer::sum)
                > articleQuota.getOrDefault(oa.oaId(), properties.articlesPerMonth())) {
            created.merge(month, -1, Integer::sum);
            return Answer.fail(-223, "Your OA has reach the limit quota create article");
        }
        String id = world.randomHex(10);
        articles.put(id, article(id, oa, body));
        return Answer.ok(Map.of("token", pending(id, oa)));
    }

    /** {@code article/update}: the same fields and the article's id; the changed article is processed again. */
    public Answer update(SimOa oa, JsonNode body) {
        Article existing = owned(oa, body.path("id").asString(""));
        if (existing == null) {
            return Answer.fail(-201, "id is invalid!");
        }
        String invalid = invalidNormalArticle(body);
        if (invalid != null) {
            return Answer.fail(-201, invalid + " is invalid!");
        }
        articles.put(existing.id(), article(existing.id(), oa, body));
        return Answer.ok(Map.of("token", pending(existing.id(), oa)));
    }

    public Answer verify(SimOa oa, String token) {
        Pending pending = tokens.get(token);
        if (pending == null || !pending.oaId().equals(oa.oaId())) {
            return Answer.fail(-201, "token is invalid!");
        }
        if (clock.instant().isBefore(pending.readyAt())) {
            processingAnswers.merge(pending.articleId(), 1, Integer::sum);
            return Answer.fail(-214, "Article is being processed");
        }
        return Answer.ok(
                switch (verifyIdField) {
                    case "article_id" -> Map.of("article_id", pending.articleId());
                    case "both" -> Map.of("id", pending.articleId(), "article_id", pending.articleId());
                    default -> Map.of("id", pending.articleId());
                });
    }

    public Answer detail(SimOa oa, String id) {
        Article article = owned(oa, id);
        if (article == null) {
            return Answer.fail(-201, "id is invalid!");
        }
        return Answer.ok(Map.of(
                "id", article.id(),
                "type", "normal",
                "title", article.title(),
                "author", article.author(),
                "description", article.description(),
                "status", article.status(),
                "comment", article.comment(),
                "cover", Map.of("cover_type", "photo", "photo_url", article.coverUrl(), "status", "show"),
                "body", article.body(),
                "create_date", article.createdAt().toEpochMilli()));
    }

    public Answer remove(SimOa oa, String id) {
        Article article = owned(oa, id);
        if (article == null) {
            return Answer.fail(-201, "id is invalid!");
        }
        articles.put(id, withRemoved(article));
        return Answer.ok(Map.of());
    }

    /**
     * Sends the article to the OA's followers in the targeted cities ({@code cities} as a code or an array of codes:
     * sources disagree, both are taken). Other target fields are accepted; the simulator knows no ages or devices.
     */
    public Answer broadcast(SimOa oa, String articleId, JsonNode target) {
        Article article = owned(oa, articleId);
        if (article == null || !ready(articleId) || !"show".equals(article.status())) {
            return Answer.fail(-201, "attachment_id is invalid!");
        }
        if (nightBan.contains(clock.instant())) {
            return Answer.fail(-234, "This message cannot be sent at night (10:00PM - 6:00AM)");
        }
        String month = oa.oaId() + "/" + YearMonth.now(clock.withZone(VietnamTime.ZONE));
        if (broadcastsSent.merge(month, 1, Integer::sum) > broadcastQuota(oa.oaId())) {
            broadcastsSent.merge(month, -1, Integer::sum);
            return Answer.fail(-211, "Out of quota");
        }
        Set<Integer> cities = cities(target.path("cities"));
        int recipients = 0;
        String text = "📰 " + article.title() + "\n" + article.description();
        for (String userId : world.followersOf(oa.oaId())) {
            Integer city = world.cityOf(userId);
            if (cities == null || (city != null && cities.contains(city))) {
                if (properties.keepPhoneMessages()) {
                    world.addMessage(oa.oaId(), userId, true, text, oa.name());
                }
                recipients++;
            }
        }
        String messageId = world.randomHex(10);
        broadcasts.add(new Broadcast(oa.oaId(), articleId, messageId, target, recipients));
        return Answer.ok(Map.of("message_id", messageId));
    }

    /** {@code oa/quota/message} with type "promotion": the month's broadcasts left. */
    public Answer promotionQuota(SimOa oa) {
        String month = oa.oaId() + "/" + YearMonth.now(clock.withZone(VietnamTime.ZONE));
        int total = broadcastQuota(oa.oaId());
        int used = broadcastsSent.getOrDefault(month, 0);
        return Answer.ok(Map.of("quota_type", "promotion", "total", total, "remain", Math.max(0, total - used)));
    }

    // --- for tests and the demo ---

    /** Accepted broadcasts of an article. */
    public List<Broadcast> broadcastsOf(String articleId) {
        return broadcasts.stream().filter(b -> b.articleId().equals(articleId)).toList();
    }

    public List<Article> articlesOf(String oaId) {
        return new ArrayList<>(
                articles.values().stream().filter(a -> a.oaId().equals(oaId)).toList());
    }

    /** Sets the OA's monthly broadcast quota (its Zalo package). */
    public void broadcastQuota(String oaId, int perMonth) {
        broadcastQuota.put(oaId, perMonth);
    }

    /** How often {@code verify} answered {@code -214} for the article. */
    public int processingAnswers(String articleId) {
        return processingAnswers.getOrDefault(articleId, 0);
    }

    /** Sets the OA's monthly article quota. */
    public void articleQuota(String oaId, int perMonth) {
        articleQuota.put(oaId, perMonth);
    }

    /** How long articles created from now on stay "being processed". */
    public void processing(Duration processing) {
        this.processing = processing;
    }

    /** When broadcasts are refused; tests make it "night" at Zalo whatever the hour. */
    public void nightBan(QuietHours nightBan) {
        this.nightBan = nightBan;
    }

    /** Switches the field {@code verify} names the article id in ("id", "article_id", "both"). */
    public void verifyIdField(String field) {
        this.verifyIdField = field;
    }

    // ---

    private int broadcastQuota(String oaId) {
        return broadcastQuota.getOrDefault(oaId, properties.broadcastsPerMonth());
    }

    private boolean ready(String articleId) {
        Instant now = clock.instant();
        return tokens.values().stream().noneMatch(p -> p.articleId().equals(articleId) && now.isBefore(p.readyAt()));
    }

    private @Nullable Article owned(SimOa oa, String id) {
        Article article = articles.get(id);
        return article == null || article.removed() || !article.oaId().equals(oa.oaId()) ? null : article;
    }

    private String pending(String articleId, SimOa oa) {
        String token = world.randomHex(16);
        tokens.put(token, new Pending(articleId, oa.oaId(), clock.instant().plus(processing)));
        return token;
    }

    private Article article(String id, SimOa oa, JsonNode body) {
        return new Article(
                id,
                oa.oaId(),
                body.path("title").asString(),
                body.path("author").asString(),
                body.path("description").asString(),
                body.path("cover").path("photo_url").asString(""),
                body.path("body"),
                body.path("status").asString("hide"),
                body.path("comment").asString("show"),
                clock.instant(),
                false);
    }

    private static Article withRemoved(Article a) {
        return new Article(
                a.id(),
                a.oaId(),
                a.title(),
                a.author(),
                a.description(),
                a.coverUrl(),
                a.body(),
                a.status(),
                a.comment(),
                a.createdAt(),
                true);
    }

    /** The first field that breaks Zalo's limits for a normal article, or null. */
    private static @Nullable String invalidNormalArticle(JsonNode body) {
        if (!"normal".equals(body.path("type").asString(""))) {
            return "type";
        }
        if (tooLong(body.path("title"), 150, true)) {
            return "title";
        }
        if (tooLong(body.path("author"), 50, true)) {
            return "author";
        }
        if (tooLong(body.path("description"), 300, true)) {
            return "description";
        }
        JsonNode cover = body.path("cover");
        if (!"photo".equals(cover.path("cover_type").asString(""))
                || cover.path("photo_url").asString("").isBlank()) {
            return "cover";
        }
        JsonNode items = body.path("body");
        if (!items.isArray() || items.isEmpty()) {
            return "body";
        }
        for (JsonNode item : items) {
            String type = item.path("type").asString("");
            boolean fine = switch (type) {
                case "text" -> !item.path("content").asString("").isBlank();
                case "image" -> !item.path("url").asString("").isBlank();
                case "video" -> !item.path("url").asString("").isBlank();
                default -> false;
            };
            if (!fine) {
                return "body";
            }
        }
        if (!Set.of("show", "hide").contains(body.path("status").asString("hide"))) {
            return "status";
        }
        if (!Set.of("show", "hide").contains(body.path("comment").asString("show"))) {
            return "comment";
        }
        return null;
    }

    private static boolean tooLong(JsonNode field, int max, boolean required) {
        if (!field.isString()) {
            return required || !field.isMissingNode();
        }
        String nfc = Normalizer.normalize(field.stringValue(), Normalizer.Form.NFC);
        return (required && nfc.isBlank()) || nfc.codePointCount(0, nfc.length()) > max;
    }

    private static @Nullable Set<Integer> cities(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        Set<Integer> codes = new java.util.HashSet<>();
        if (node.isArray()) {
            node.forEach(c -> codes.add(c.asInt(-1)));
        } else {
            codes.add(node.asInt(-1));
        }
        return codes;
    }
}
