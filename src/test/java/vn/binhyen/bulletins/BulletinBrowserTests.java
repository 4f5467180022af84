package vn.binhyen.bulletins;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.support.Browser;
import vn.binhyen.support.Fixtures;

/**
 * In Chromium: an area officer writes a scam warning for two villages (one of them not theirs) with the live
 * preview, the commune chief approves it, the simulated phones of followers in those villages receive it while one
 * in another village does not, the progress page reaches 100%, and a resident reads it on the portal and reports a
 * sighting from it.
 */
class BulletinBrowserTests extends BulletinsIntegrationTest {

    static Browser browser;

    @org.springframework.beans.factory.annotation.Autowired
    vn.binhyen.zalosim.internal.SimArticles simArticles;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    void signIn(Page page, String base, String username) {
        page.navigate(base + "/console");
        Browser.signIn(page, username, Fixtures.PASSWORD);
    }

    @Test
    void aChiefApprovesAScamWarningForTwoVillagesAndOnlyThoseVillagesPhonesGetIt() {
        Place place = place();
        String base = "http://localhost:" + port;
        List<String> inA = followers(place, place.commune().villageA(), 2);
        List<String> inB = followers(place, place.commune().villageB(), 1);
        List<String> inC = followers(place, place.villageC(), 1);
        String title = "Cảnh báo lừa đảo giả danh công an " + place.commune().code();

        Page desk = browser.newPage(1280, 900);
        signIn(desk, base, place.commune().officerALogin());
        desk.navigate(base + "/console/bulletins");
        desk.locator("#new-bulletin").click();
        desk.locator("#kind").selectOption("CRIME_METHOD");
        desk.locator("#title").fill(title);
        desk.locator("#body")
                .fill(
                        "Kẻ gian gọi điện xưng là công an, đòi chuyển tiền để \"xác minh\". **Công an không làm vậy.**\n\n"
                                + "- Gác máy\n- Báo ngay cho công an xã");
        assertThat(desk.locator("#zalo-preview"))
                .containsText(title.toUpperCase().substring(0, 0) + title);
        assertThat(desk.locator("#preview .bulletin-body strong")).hasText("Công an không làm vậy.");
        assertThat(desk.locator("#readability-hints")).containsText("dễ đọc");
        desk.locator("input[name=villageIds][value='" + place.commune().villageA() + "']")
                .check();
        desk.locator("input[name=villageIds][value='" + place.commune().villageB() + "']")
                .check();
        Browser.screenshot(desk, "bulletins-01-editor");
        desk.locator("#submit").click();
        assertThat(desk.locator("#bulletin-status")).hasText("Chờ duyệt");
        String id = desk.url().replaceAll(".*/console/bulletins/(\\d+).*", "$1");

        Page chief = browser.newPage(1280, 900);
        signIn(chief, base, place.commune().chiefLogin());
        chief.navigate(base + "/console/bulletins");
        assertThat(chief.locator("#to-approve")).containsText(title);
        chief.locator("#to-approve a").first().click();
        chief.locator("#approve").click();
        assertThat(chief.locator("#bulletin-status")).hasText("Đã đăng");
        assertThat(chief.locator("#progress-percent"))
                .hasText(
                        "100%",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(chief.locator("#fig-sent")).hasText("3");
        Browser.screenshot(chief, "bulletins-02-progress");

        Page phone = browser.newPage(390, 844);
        for (String user : List.of(inA.get(0), inA.get(1), inB.get(0))) {
            phone.navigate(
                    base + "/sim/phone?user=" + user + "&oa=" + place.oa().oaId());
            assertThat(phone.locator("#messages")).containsText(title);
        }
        Browser.screenshot(phone, "bulletins-03-phone");
        phone.navigate(
                base + "/sim/phone?user=" + inC.getFirst() + "&oa=" + place.oa().oaId());
        assertThat(phone.locator("#messages")).not().containsText(title);
        assertThat(messagesOnPhone(place, inC.getFirst(), title)).isZero();

        phone.navigate(base + "/x/" + place.commune().code());
        phone.locator("#bulletins a", new Page.LocatorOptions().setHasText(title))
                .click();
        assertThat(phone.locator("#bulletin-title")).hasText(title);
        assertThat(phone.locator("#share")).hasValue(base + "/ban-tin/" + id);
        phone.locator("#report").click();
        assertThat(phone.locator("#description")).hasValue(java.util.regex.Pattern.compile(".*" + title + ".*"));
        Browser.screenshot(phone, "bulletins-04-report-from-bulletin");
    }

    @Test
    void aChiefPublishesAnArticleForTheWholeCommuneAndSeesItsZaloIdButNotForASingleVillage() {
        Place place = place();
        String base = "http://localhost:" + port;
        String title = "Tuyên truyền luật giao thông " + place.commune().code();
        Page chief = browser.newPage(1280, 900);
        signIn(chief, base, place.commune().chiefLogin());

        chief.navigate(base + "/console/bulletins/new");
        chief.locator("#kind").selectOption("LEGAL");
        chief.locator("#title").fill(title);
        chief.locator("#body").fill("Đội mũ bảo hiểm khi đi xe máy.");
        chief.locator("input[name=villageIds][value='" + place.commune().villageA() + "']")
                .check();
        chief.locator("#toArticle").check();
        var refused = chief.waitForResponse(
                r -> r.url().endsWith("/console/bulletins")
                        && "POST".equals(r.request().method()),
                () -> chief.locator("#submit").click());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(chief.locator("#error")).containsText("cả xã");

        chief.locator("input[name=villageIds][value='" + place.commune().villageA() + "']")
                .uncheck();
        chief.locator("input[name=communeCodes][value='" + place.commune().code() + "']")
                .check();
        chief.locator("#submit").click();
        assertThat(chief.locator("#bulletin-status")).hasText("Đã đăng");
        String id = chief.url().replaceAll(".*/console/bulletins/(\\d+).*", "$1");
        eventually()
                .until(() -> bulletins.articles(chief(place), Long.parseLong(id)).stream()
                        .anyMatch(a -> a.articleId() != null));
        chief.reload();
        assertThat(chief.locator("#articles .article-state")).hasText("Đã đăng");
        assertThat(chief.locator("#articles .article-id"))
                .hasText(bulletins
                        .articles(chief(place), Long.parseLong(id))
                        .getFirst()
                        .articleId());
        Browser.screenshot(chief, "bulletins-05-article");
    }

    @Test
    void theProvinceCommandsBroadcastThatZaloRefusesAtNightShowsAsWaitingWithItsTime() {
        Place place = place();
        String base = "http://localhost:" + port;
        long command =
                jdbc.sql("""
                        INSERT INTO directory.officers (police_unit_id, full_name, role)
                        VALUES ((SELECT id FROM directory.police_units WHERE unit_code = ?), 'Chỉ huy tỉnh',
                                'PROVINCE_COMMAND') RETURNING id
                        """).param(place.commune().code()).query(Long.class).single();
        jdbc.sql("INSERT INTO accounts.officer_logins (username, officer_id, password_hash) VALUES (?, ?, ?)")
                .params(
                        "cmd" + place.commune().code(),
                        command,
                        org.springframework.security.crypto.factory.PasswordEncoderFactories
                                .createDelegatingPasswordEncoder()
                                .encode(Fixtures.PASSWORD))
                .update();
        simArticles.nightBan(new vn.binhyen.zalo.QuietHours(java.time.LocalTime.MIN, java.time.LocalTime.MAX));
        try {
            Page page = browser.newPage(1280, 900);
            signIn(page, base, "cmd" + place.commune().code());
            page.navigate(base + "/console/bulletins/new");
            page.locator("#kind").selectOption("URGENT");
            page.locator("#title")
                    .fill("Khẩn: sạt lở đường tỉnh " + place.commune().code());
            page.locator("#body").fill("Tránh đi qua đèo.");
            page.locator("#provinceWide").check();
            page.locator("#toBroadcast").check();
            page.locator("#submit").click();
            assertThat(page.locator("#bulletin-status")).hasText("Đã đăng");
            long id = Long.parseLong(page.url().replaceAll(".*/console/bulletins/(\\d+).*", "$1"));
            String key = "broadcast:" + id + ":" + place.oa().oaId();
            eventually()
                    .until(() -> jdbc.sql("SELECT count(*) FROM zalo.deliveries WHERE idempotency_key = ?"
                                            + " AND last_error_code = -234")
                                    .param(key)
                                    .query(Long.class)
                                    .single()
                            == 1);
            page.reload();
            var row = page.locator("#articles tr[data-oa='" + place.oa().oaId() + "']");
            assertThat(row.locator(".broadcast-state")).hasText("Đang chờ gửi");
            assertThat(row).containsText("gửi từ");
            Browser.screenshot(page, "bulletins-06-broadcast-waiting");
        } finally {
            simArticles.nightBan(vn.binhyen.zalo.QuietHours.parse("22:00-06:00"));
        }
    }
}
