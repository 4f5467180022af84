package vn.binhyen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.support.Browser;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Images;
import vn.binhyen.support.IntegrationTest;

/**
 * The foundation's promise, in a real browser: a resident files an anonymous tip with a photo, the area officer finds
 * it, accepts, replies and resolves it, and the resident sees the reply and the status with the tip code.
 */
@IntegrationTest
class TipJourneyBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void anonymousTipWithPhotoIsAnsweredAndResolved() throws Exception {
        var commune = Fixtures.commune(jdbc);
        String base = "http://localhost:" + port;
        Path photo = Files.createTempFile("hien-truong", ".png");
        Files.write(photo, Images.png());

        // A resident on a phone.
        Page phone = browser.newPage(390, 844);
        phone.navigate(base + "/x/" + commune.code());
        phone.getByText("Gửi tin báo").first().click();
        phone.locator("#category").selectOption("ILLEGAL_RACING");
        phone.locator("#description")
                .fill("Khoảng 30 thanh niên tụ tập đua xe, bốc đầu trên đường liên thôn sau 23 giờ.");
        phone.locator("#villageId").selectOption(String.valueOf(commune.villageA()));
        phone.locator("#place").fill("Đường liên thôn, gần cầu");
        phone.locator("#urgent").check();
        phone.locator("#map").click();
        assertThat(phone.locator("#location-status")).not().isEmpty();
        phone.locator("#photos").setInputFiles(photo);
        assertThat(phone.locator("#anonymous")).isChecked();
        Browser.screenshot(phone, "01-resident-tip-form");
        phone.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Gửi tin báo"))
                .click();
        assertThat(phone.locator("h1")).hasText("Công an đã nhận tin báo của bạn");
        String code = phone.locator("#tip-code").innerText().strip();
        String secret = phone.locator("#tip-secret").innerText().strip();
        assertThat(code).matches("TB-[A-Z0-9]{4}-[A-Z0-9]{4}");
        Browser.screenshot(phone, "02-resident-receipt");

        // The area officer of that village.
        Page desk = browser.newPage(1280, 900);
        desk.navigate(base + "/console");
        Browser.signIn(desk, commune.officerALogin(), Fixtures.PASSWORD);
        assertThat(desk.locator("h1")).hasText("Hộp tin báo");
        assertThat(desk.locator(".badge")).hasText("1");
        desk.locator("#q").fill("dua xe lien thon");
        assertThat(desk.locator("tr[data-tip-code='" + code + "']")).isVisible();
        Browser.screenshot(desk, "03-officer-inbox");
        desk.locator("tr[data-tip-code='" + code + "'] a.row-link").click();
        assertThat(desk.locator("#tip-description")).containsText("đua xe");
        assertThat(desk.locator(".photos img")).hasCount(1);
        desk.waitForFunction("() => document.querySelector('.photos img').complete");
        assertThat((Integer) desk.locator(".photos img").evaluate("img => img.naturalWidth"))
                .isEqualTo(64);
        assertThat(desk.locator("#tip-map .leaflet-interactive")).hasCount(1);
        desk.locator("#accept").click();
        assertThat(desk.locator("#tip-status")).hasText("Đã phân loại");
        desk.locator("#reply").fill("Công an phường đã nhận tin, tổ tuần tra đang đến hiện trường. Cảm ơn bạn.");
        desk.getByText("Gửi trả lời").click();
        desk.locator("#start").click();
        assertThat(desk.locator("#tip-status")).hasText("Đang xác minh, xử lý");
        desk.locator("#outcome").fill("Đã giải tán nhóm đua xe, lập biên bản 4 trường hợp, tạm giữ 2 xe.");
        desk.locator("#resolve").click();
        assertThat(desk.locator("#tip-status")).hasText("Đã giải quyết");
        Browser.screenshot(desk, "04-officer-tip-resolved");

        // The resident checks with code and secret.
        phone.navigate(base + "/tra-cuu");
        phone.locator("#code").fill(code.toLowerCase());
        phone.locator("#secret").fill(secret);
        phone.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Xem tin báo"))
                .click();
        assertThat(phone.locator("#tip-status")).hasText("Đã giải quyết");
        assertThat(phone.locator("#dialogue")).containsText("tổ tuần tra đang đến hiện trường");
        Browser.screenshot(phone, "05-resident-sees-answer");
        assertThat(Files.size(Browser.SCREENSHOTS.resolve("05-resident-sees-answer.png")))
                .isPositive();
    }
}
