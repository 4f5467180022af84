package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;
import vn.binhyen.zalo.internal.Pkce;
import vn.binhyen.zalo.internal.ZaloApiClient;
import vn.binhyen.zalo.internal.ZaloApiResult;
import vn.binhyen.zalo.internal.ZaloJson;
import vn.binhyen.zalo.internal.ZaloOAuthClient;
import vn.binhyen.zalosim.internal.SimArticles;
import vn.binhyen.zalosim.internal.SimAuthority;
import vn.binhyen.zalosim.internal.SimProperties;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * The article API and the article broadcast, BinhYen's client against the simulator over HTTP: Zalo's limits and
 * error codes, the asynchronous verify, the broadcast's city targeting (scalar or array) and its monthly quota.
 */
class ZaloArticleContractTests extends ZaloIntegrationTest {

    @Autowired
    ZaloOAuthClient oauth;

    @Autowired
    ZaloApiClient api;

    @Autowired
    SimWorld world;

    @Autowired
    SimAuthority authority;

    @Autowired
    SimProperties sim;

    @Autowired
    SimArticles articles;

    SimOa oa;
    String token;

    @BeforeEach
    void connect() {
        oa = world.openOa("%05d".formatted(System.nanoTime() % 100000), "Công an xã bài viết");
        String verifier = Pkce.newVerifier();
        String code = authority.approve(oa.oaId(), Pkce.challengeOf(verifier));
        token = oauth.exchangeCode(oa.appId(), sim.appSecret(), code, verifier).accessToken();
        articles.nightBan(QuietHours.NONE);
        articles.processing(java.time.Duration.ZERO);
    }

    @AfterEach
    void zaloAsUsual() {
        articles.nightBan(QuietHours.parse(sim.broadcastNightBan()));
        articles.processing(sim.articleProcessing());
    }

    ObjectNode article(String title) {
        ObjectNode body = ZaloJson.MAPPER
                .createObjectNode()
                .put("type", "normal")
                .put("title", title)
                .put("author", "Công an xã")
                .put("description", "Mô tả")
                .put("status", "show");
        body.putObject("cover").put("cover_type", "photo").put("photo_url", "https://example.vn/a.png");
        body.putArray("body").addObject().put("type", "text").put("content", "<p>Nội dung</p>");
        return body;
    }

    String published(String title) {
        var created = api.createArticle(token, article(title));
        assertThat(created.ok()).isTrue();
        var verified = api.verifyArticle(token, created.data().path("token").asString());
        assertThat(verified.ok()).isTrue();
        return verified.articleId();
    }

    @Test
    void zalosLimitsOnANormalArticleAreEnforced() {
        assertThat(api.createArticle(token, article("t".repeat(151))).error()).isEqualTo(-201);
        assertThat(api.createArticle(token, article("Tiêu đề").put("author", "a".repeat(51)))
                        .error())
                .isEqualTo(-201);
        assertThat(api.createArticle(token, article("Tiêu đề").put("description", "d".repeat(301)))
                        .error())
                .isEqualTo(-201);
        ObjectNode noCover = article("Tiêu đề");
        noCover.remove("cover");
        assertThat(api.createArticle(token, noCover).message()).isEqualTo("cover is invalid!");
        assertThat(api.createArticle("not-a-token", article("Tiêu đề")).error()).isEqualTo(ZaloApiResult.TOKEN_INVALID);
        assertThat(api.createArticle(token, article("ố".repeat(150))).ok()).isTrue();
    }

    @Test
    void verifyAnswersMinus214WhileProcessingThenTheId() {
        articles.processing(java.time.Duration.ofMinutes(5));
        var created = api.createArticle(token, article("Đang xử lý"));
        var verified = api.verifyArticle(token, created.data().path("token").asString());
        assertThat(verified.error()).isEqualTo(ZaloApiResult.ARTICLE_PROCESSING);
        assertThat(verified.message()).isEqualTo("Article is being processed");
        articles.verifyIdField("both");
        articles.processing(java.time.Duration.ZERO);
        var again = api.verifyArticle(
                token,
                api.createArticle(token, article("Xong")).data().path("token").asString());
        assertThat(again.data().path("id").asString())
                .isEqualTo(again.data().path("article_id").asString());
        articles.verifyIdField("id");
    }

    @Test
    void theArticleQuotaAnswersMinus223() {
        articles.articleQuota(oa.oaId(), 1);
        assertThat(api.createArticle(token, article("Một")).ok()).isTrue();
        var refused = api.createArticle(token, article("Hai"));
        assertThat(refused.error()).isEqualTo(ZaloApiResult.ARTICLE_QUOTA);
    }

    @Test
    void aBroadcastReachesFollowersInTheTargetedCitiesWhetherCitiesIsAScalarOrAnArray() throws Exception {
        String inHanoi = world.newUser("Người Hà Nội").userId();
        String inDaNang = world.newUser("Người Đà Nẵng").userId();
        for (String user : new String[] {inHanoi, inDaNang}) {
            world.setFollowing(oa.oaId(), user, true);
        }
        world.placeInCity(inHanoi, 9);
        world.placeInCity(inDaNang, 20);
        String scalar = published("Gửi Hà Nội");
        String array = published("Gửi Đà Nẵng");

        assertThat(api.broadcastArticle(
                                token,
                                scalar,
                                ZaloJson.MAPPER.createObjectNode().put("cities", 9))
                        .ok())
                .isTrue();
        ObjectNode toDaNang = ZaloJson.MAPPER.createObjectNode();
        toDaNang.putArray("cities").add(20);
        assertThat(api.broadcastArticle(token, array, toDaNang).ok()).isTrue();

        assertThat(articles.broadcastsOf(scalar).getFirst().recipients()).isEqualTo(1);
        assertThat(world.conversation(oa.oaId(), inHanoi)).anyMatch(m -> m.text.contains("Gửi Hà Nội"));
        assertThat(world.conversation(oa.oaId(), inDaNang)).noneMatch(m -> m.text.contains("Gửi Hà Nội"));
        assertThat(world.conversation(oa.oaId(), inDaNang)).anyMatch(m -> m.text.contains("Gửi Đà Nẵng"));
    }

    @Test
    void broadcastsCountAgainstTheMonthlyQuotaAndAreRefusedAtNight() throws Exception {
        articles.broadcastQuota(oa.oaId(), 1);
        String id = published("Hạn mức");
        var quota = quota();
        assertThat(quota).contains("\"remain\":1");
        assertThat(api.broadcastArticle(token, id, ZaloJson.MAPPER.createObjectNode())
                        .ok())
                .isTrue();
        assertThat(api.broadcastArticle(token, id, ZaloJson.MAPPER.createObjectNode())
                        .error())
                .isEqualTo(ZaloApiResult.OUT_OF_QUOTA);
        assertThat(quota()).contains("\"remain\":0");

        articles.broadcastQuota(oa.oaId(), 5);
        articles.nightBan(new QuietHours(java.time.LocalTime.MIN, java.time.LocalTime.MAX));
        assertThat(api.broadcastArticle(token, id, ZaloJson.MAPPER.createObjectNode())
                        .error())
                .isEqualTo(ZaloApiResult.NIGHT_BAN);
        assertThat(articles.broadcastsOf(id)).hasSize(1);
    }

    @Test
    void removedArticlesAreGoneAndTheV2MessageApiTakesNoOneToOneText() throws Exception {
        String id = published("Sẽ gỡ");
        assertThat(get("/v2.0/article/getdetail?id=" + id)).contains("\"title\":\"Sẽ gỡ\"");
        assertThat(api.removeArticle(token, id).ok()).isTrue();
        assertThat(get("/v2.0/article/getdetail?id=" + id)).contains("\"error\":-201");
        assertThat(api.broadcastArticle(token, id, ZaloJson.MAPPER.createObjectNode())
                        .error())
                .isEqualTo(-201);
        assertThat(post("/v2.0/oa/message", "{\"recipient\":{\"user_id\":\"1\"},\"message\":{\"text\":\"chào\"}}"))
                .contains("\"error\":-240");
    }

    String quota() throws Exception {
        return post("/v2.0/oa/quota/message", "{\"type\":\"promotion\"}");
    }

    String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sim/zalo/openapi" + path))
                                .header("access_token", token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    String post(String path, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sim/zalo/openapi" + path))
                                .header("access_token", token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
