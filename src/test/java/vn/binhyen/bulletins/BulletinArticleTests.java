package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.bulletins.internal.Publisher;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.zalo.ArticleView;
import vn.binhyen.zalo.QuietHours;
import vn.binhyen.zalo.internal.DeliveryWorker;
import vn.binhyen.zalosim.internal.SimArticles;

/**
 * Bulletins as Zalo articles, against the simulator over HTTP: an article for a whole commune, verified after Zalo's
 * "being processed" answers; the province command's broadcast, sent once whatever happens to the workers; the night
 * ban; the monthly quotas; corrections and withdrawals reaching the article; who may ask for what.
 */
class BulletinArticleTests extends BulletinsIntegrationTest {

    @Autowired
    SimArticles simArticles;

    @Autowired
    DeliveryWorker deliveryWorker;

    @Autowired
    Publisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void zaloAsUsual() {
        simArticles.processing(Duration.ofSeconds(2));
        simArticles.verifyIdField("id");
        simArticles.nightBan(QuietHours.parse("22:00-06:00"));
    }

    static BulletinDraft withArticle(BulletinKind kind, String title, Audience audience) {
        return draft(kind, title, audience);
    }

    static Audience wholeCommune(String code) {
        return new Audience(false, Set.of(code), Set.of(), false, false, true, false);
    }

    static Audience provinceBroadcast() {
        return new Audience(true, Set.of(), Set.of(), false, false, true, true);
    }

    ArticleView articleOn(Place place, SignedInOfficer officer, long bulletin) {
        return bulletins.articles(officer, bulletin).stream()
                .filter(a -> a.oaId().equals(place.oa().oaId()))
                .findFirst()
                .orElseThrow();
    }

    ArticleView liveArticle(Place place, SignedInOfficer officer, long bulletin) {
        eventually().until(() -> articleOn(place, officer, bulletin).state() == ArticleView.State.LIVE);
        return articleOn(place, officer, bulletin);
    }

    @Test
    void aCommuneBulletinBecomesAnArticleOnThePageOnceZaloHasProcessedIt() {
        // Long enough that the first verify (2 s after create, on a scheduler thread other tasks share) always comes
        // while Zalo is still processing; the retries at +1, +2, +4, +8 s find it live well inside the 30 s wait.
        simArticles.processing(Duration.ofSeconds(10));
        Place place = place();
        var submitted = bulletins.submit(
                chief(place),
                null,
                withArticle(
                        BulletinKind.CRIME_METHOD,
                        "Cảnh báo giả danh công an",
                        wholeCommune(place.commune().code())));

        ArticleView article = liveArticle(place, chief(place), submitted.id());

        assertThat(article.articleId()).isNotBlank();
        assertThat(article.broadcast())
                .as("a commune bulletin is not broadcast")
                .isNull();
        assertThat(simArticles.processingAnswers(article.articleId()))
                .as("verify answered -214 while Zalo processed the article, and was asked again")
                .isPositive();
        var onZalo = simArticles.articlesOf(place.oa().oaId()).stream()
                .filter(a -> a.id().equals(article.articleId()))
                .findFirst()
                .orElseThrow();
        assertThat(onZalo.title()).isEqualTo("Cảnh báo giả danh công an");
        assertThat(onZalo.author()).startsWith("Công an ");
        assertThat(onZalo.status()).isEqualTo("show");
        assertThat(onZalo.body().toString()).contains("/ban-tin/" + submitted.id());
    }

    @Test
    void theArticleIdIsReadWhicheverFieldZaloNamesIt() {
        simArticles.verifyIdField("article_id");
        Place place = place();
        var submitted = bulletins.submit(
                chief(place),
                null,
                withArticle(
                        BulletinKind.LEGAL,
                        "Luật giao thông mới",
                        wholeCommune(place.commune().code())));
        assertThat(liveArticle(place, chief(place), submitted.id()).articleId()).isNotBlank();
    }

    @Test
    void onlyTheProvinceCommandsProvinceWideBulletinIsBroadcastAndArticlesAreForWholeCommunes() {
        Place place = place();
        assertThatThrownBy(() -> bulletins.submit(
                        chief(place),
                        null,
                        draft(
                                BulletinKind.LEGAL,
                                "Gửi cả xã",
                                new Audience(
                                        false, Set.of(place.commune().code()), Set.of(), false, false, true, true))))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.broadcastProvinceOnly");
        assertThatThrownBy(() -> bulletins.submit(
                        chief(place), null, draft(BulletinKind.LEGAL, "Toàn tỉnh", provinceBroadcast())))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.audienceOutside");
        assertThatThrownBy(() -> bulletins.submit(
                        officerA(place),
                        null,
                        draft(
                                BulletinKind.LEGAL,
                                "Một thôn",
                                new Audience(
                                        false,
                                        Set.of(),
                                        Set.of(place.commune().villageA()),
                                        true,
                                        false,
                                        true,
                                        false))))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.articleWholeCommune");
        assertThat(jdbc.sql("SELECT count(*) FROM zalo.articles WHERE oa_id = ?")
                        .param(place.oa().oaId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theProvinceWideBroadcastReachesThePagesFollowersOnceThoughTwoWorkersClaimAtOnceAndItIsAskedForAgain()
            throws Exception {
        simArticles.nightBan(QuietHours.NONE);
        Place place = place();
        List<String> residents = followers(place, place.commune().villageA(), 3);
        SignedInOfficer command = provinceCommand(place);
        // An urgent alert: BinhYen does not hold it for the night, whatever hour the test runs at.
        var submitted =
                bulletins.submit(command, null, draft(BulletinKind.URGENT, "Khẩn: trẻ đi lạc", provinceBroadcast()));
        String articleId = liveArticle(place, command, submitted.id()).articleId();

        // Two more workers claim the queue at the same moment as the node's own.
        try (var pool = Executors.newFixedThreadPool(2)) {
            Callable<Integer> claim = () -> transaction.execute(status -> deliveryWorker.deliverBatch());
            var a = pool.submit(claim);
            var b = pool.submit(claim);
            a.get();
            b.get();
        }
        eventually().until(() -> "SENT".equals(broadcastState(place, command, submitted.id())));
        // Published again (a redelivered event, a second node): no second article, no second broadcast queued.
        transaction.executeWithoutResult(status -> publisher.publish(submitted.id(), Instant.now()));
        Thread.sleep(1000);

        assertThat(simArticles.broadcastsOf(articleId)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM zalo.deliveries WHERE bulletin_ref = ? AND target = 'BROADCAST'"
                                + " AND oa_id = ?")
                        .params(submitted.id(), place.oa().oaId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        for (String resident : residents) {
            assertThat(messagesOnPhone(place, resident, "Khẩn: trẻ đi lạc")).isEqualTo(1);
        }
        ArticleView.Broadcast broadcast =
                articleOn(place, command, submitted.id()).broadcast();
        assertThat(broadcast.zaloMessageId())
                .isEqualTo(simArticles.broadcastsOf(articleId).getFirst().messageId());
    }

    @Test
    void aBroadcastInTheAirWhenANodeDiedIsNotSentAgain() {
        Place place = place();
        SignedInOfficer command = provinceCommand(place);
        simArticles.nightBan(QuietHours.NONE);
        // Published "tomorrow", so its broadcast is queued for then and this test decides when the worker sees it.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        long id = bulletins.save(command, null, draft(BulletinKind.URGENT, "Khẩn: sạt lở", provinceBroadcast()));
        transaction.executeWithoutResult(status -> publisher.publish(id, tomorrow));
        String articleId = liveArticle(place, command, id).articleId();
        String key = "broadcast:" + id + ":" + place.oa().oaId();
        assertThat(jdbc.sql("SELECT next_attempt_at FROM zalo.deliveries WHERE idempotency_key = ?")
                        .param(key)
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isCloseTo(tomorrow, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        // As a node leaves it when killed after the request left and before the answer was written.
        transaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO zalo.deliveries_in_flight (delivery_id)"
                            + " SELECT id FROM zalo.deliveries WHERE idempotency_key = ?")
                    .param(key)
                    .update();
            jdbc.sql("UPDATE zalo.deliveries SET next_attempt_at = now() WHERE idempotency_key = ?")
                    .param(key)
                    .update();
        });

        eventually().until(() -> "FAILED".equals(broadcastState(place, command, id)));
        assertThat(articleOn(place, command, id).broadcast().failureKey()).isEqualTo("zalo.broadcast.in-doubt");
        assertThat(simArticles.broadcastsOf(articleId)).isEmpty();
    }

    @Test
    void atNightABroadcastWaitsForMorningAndZalosNightRefusalOnlyPostponesIt() throws Exception {
        Place place = place();
        SignedInOfficer command = provinceCommand(place);
        // BinhYen's own rule: a non-urgent broadcast published at 23:00 is queued for 06:00.
        long scam =
                bulletins.save(command, null, draft(BulletinKind.CRIME_METHOD, "Cảnh báo đêm", provinceBroadcast()));
        Instant night = LocalDate.now(VietnamTime.ZONE)
                .plusDays(1)
                .atTime(LocalTime.of(23, 0))
                .atZone(VietnamTime.ZONE)
                .toInstant();
        transaction.executeWithoutResult(status -> publisher.publish(scam, night, BulletinSendRulesTests.NIGHT_RULES));
        liveArticle(place, command, scam);
        eventually().until(() -> "PENDING".equals(broadcastState(place, command, scam)));
        assertThat(articleOn(place, command, scam).broadcast().notBefore()).isEqualTo(night.plus(Duration.ofHours(7)));

        // Zalo's rule: it refuses broadcasts at night even for an urgent alert; BinhYen waits for morning, not fails.
        simArticles.nightBan(new QuietHours(LocalTime.MIN, LocalTime.MAX));
        var alert = bulletins.submit(command, null, draft(BulletinKind.URGENT, "Khẩn ban đêm", provinceBroadcast()));
        String alertArticle = liveArticle(place, command, alert.id()).articleId();
        eventually()
                .until(() -> jdbc.sql("SELECT last_error_code FROM zalo.deliveries WHERE idempotency_key = ?")
                        .param("broadcast:" + alert.id() + ":" + place.oa().oaId())
                        .query(Integer.class)
                        .optional()
                        .filter(code -> code == -234)
                        .isPresent());
        var broadcast = articleOn(place, command, alert.id()).broadcast();
        assertThat(broadcast.state()).isEqualTo("PENDING");
        assertThat(broadcast.notBefore()).isAfter(Instant.now());
        assertThat(simArticles.broadcastsOf(alertArticle)).isEmpty();
        assertThat(simArticles.broadcastsOf(articleOn(place, command, scam).articleId()))
                .isEmpty();
    }

    @Test
    void whenThePagesQuotasAreUsedUpTheBulletinPageSaysSo() {
        simArticles.nightBan(QuietHours.NONE);
        Place place = place();
        SignedInOfficer command = provinceCommand(place);
        simArticles.broadcastQuota(place.oa().oaId(), 0);
        var broadcastRefused =
                bulletins.submit(command, null, draft(BulletinKind.URGENT, "Khẩn: hết lượt", provinceBroadcast()));
        liveArticle(place, command, broadcastRefused.id());
        eventually().until(() -> "FAILED".equals(broadcastState(place, command, broadcastRefused.id())));
        var broadcast = articleOn(place, command, broadcastRefused.id()).broadcast();
        assertThat(broadcast.failureKey()).isEqualTo("zalo.broadcast.quota");
        assertThat(broadcast.errorCode()).isEqualTo(-211);

        simArticles.articleQuota(place.oa().oaId(), 0);
        var articleRefused = bulletins.submit(
                chief(place),
                null,
                withArticle(
                        BulletinKind.LEGAL,
                        "Hết hạn mức bài",
                        wholeCommune(place.commune().code())));
        eventually()
                .until(() -> articleOn(place, chief(place), articleRefused.id()).state() == ArticleView.State.FAILED);
        var article = articleOn(place, chief(place), articleRefused.id());
        assertThat(article.failureKey()).isEqualTo("zalo.article.quota");
        assertThat(article.errorCode()).isEqualTo(-223);
        assertThat(article.articleId()).isNull();
    }

    @Test
    void aCorrectionMarksTheOldArticleAndLinksToItAndAWithdrawalTakesTheArticleDown() {
        Place place = place();
        var first = bulletins.submit(
                chief(place),
                null,
                withArticle(
                        BulletinKind.NOTICE,
                        "Lịch tiếp dân",
                        wholeCommune(place.commune().code())));
        String oldArticle = liveArticle(place, chief(place), first.id()).articleId();

        var correction = bulletins.submit(
                chief(place),
                null,
                new BulletinDraft(
                        BulletinKind.NOTICE,
                        "Lịch tiếp dân (sửa giờ)",
                        "Tiếp dân sáng thứ Năm.",
                        wholeCommune(place.commune().code()),
                        null,
                        first.id()));
        String newArticle = liveArticle(place, chief(place), correction.id()).articleId();
        assertThat(newArticle).isNotEqualTo(oldArticle);
        eventually()
                .until(() -> simArticles.articlesOf(place.oa().oaId()).stream()
                        .anyMatch(a -> a.id().equals(oldArticle) && a.title().startsWith("[Đã đính chính]")));
        var old = simArticles.articlesOf(place.oa().oaId()).stream()
                .filter(a -> a.id().equals(oldArticle))
                .findFirst()
                .orElseThrow();
        assertThat(old.body().toString()).contains("/ban-tin/" + correction.id());
        eventually().until(() -> articleOn(place, chief(place), first.id()).state() == ArticleView.State.LIVE);

        bulletins.withdraw(chief(place), correction.id());
        eventually().until(() -> articleOn(place, chief(place), correction.id()).state() == ArticleView.State.REMOVED);
        assertThat(simArticles.articlesOf(place.oa().oaId()).stream()
                        .filter(a -> a.id().equals(newArticle))
                        .findFirst()
                        .orElseThrow()
                        .removed())
                .isTrue();
    }

    String broadcastState(Place place, SignedInOfficer officer, long bulletin) {
        var broadcast = articleOn(place, officer, bulletin).broadcast();
        return broadcast == null ? "" : broadcast.state();
    }
}
