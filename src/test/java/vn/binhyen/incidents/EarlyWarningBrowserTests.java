package vn.binhyen.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.support.Browser;
import vn.binhyen.support.Fixtures;

/**
 * The Krông Búk Hạ story in a real browser: residents plan a race in their village group on their phones (the
 * simulator), the area officer's console raises the urgent alert within 5 seconds, the officer opens the incident,
 * sees the three signals on the map and records that a patrol was sent.
 */
class EarlyWarningBrowserTests extends SimulatorTest {

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void aRacePlannedInAGroupAlertsTheAreaOfficerWhoSendsAPatrol() {
        var commune = Fixtures.commune(jdbc);
        var group = villageGroup(commune);
        jdbc.sql("UPDATE directory.villages SET latitude = 12.8906, longitude = 108.2408 WHERE id = ?")
                .param(commune.villageA())
                .update();
        setup.addLandmark(commune.code(), "hồ Krông Búk Hạ", commune.villageA(), 12.9012, 108.2391);
        String base = "http://localhost:" + port;

        // The area officer of village A, at the desk, with the console open.
        Page desk = browser.newPage(1280, 900);
        desk.navigate(base + "/console");
        Browser.signIn(desk, commune.officerALogin(), Fixtures.PASSWORD);
        assertThat(desk.locator("h1")).hasText("Hộp tin báo");
        assertThat(desk.locator(".urgent-alert")).hasCount(0);

        // Residents write in the village group on their phones.
        Page phone = browser.newPage(390, 844);
        String[] messages = {
            "Tối nay 21h anh em tụ tập ở hồ Krông Búk Hạ đua xe nhé",
            "Nhớ bốc đầu cho đẹp, ai có xe độ thì mang ra hồ Krông Búk Hạ",
            "Quái xế các xã kéo về đông lắm, đua xe tới sáng"
        };
        for (String text : messages) {
            phone.navigate(base + "/sim/phone?user=" + resident("Thanh niên") + "&oa=" + group.oaId() + "&group="
                    + group.groupId());
            phone.locator("#gtext").fill(text);
            phone.locator("#gtext ~ button[type=submit]").click();
            assertThat(phone.locator(".dialogue").last()).containsText(text.substring(0, 20));
        }
        long sent = System.nanoTime();
        Browser.screenshot(phone, "incidents-01-group-messages");

        // The alert appears on the console without a reload, within 5 seconds.
        assertThat(desk.locator(".urgent-alert")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(5000));
        long seconds = (System.nanoTime() - sent) / 1_000_000_000L;
        assertThat(seconds).isLessThan(5);
        assertThat(desk.locator(".urgent-alert")).containsText("CẢNH BÁO KHẨN");
        assertThat(desk.locator(".urgent-alert")).containsText("Đua xe trái phép");
        assertThat(desk.locator("body")).hasAttribute("data-alert-sounded", java.util.regex.Pattern.compile("\\d+"));
        Browser.screenshot(desk, "incidents-02-console-alert");

        // The officer opens the incident: three signals, each on the map.
        desk.locator(".urgent-alert a.alert-link").click();
        assertThat(desk.locator("#incident-level")).hasText("Khẩn");
        assertThat(desk.locator("#timeline li.signal")).hasCount(3);
        assertThat(desk.locator("#incident-map")).hasAttribute("data-markers", "3");
        assertThat(desk.locator("#incident-map path.incident-marker")).hasCount(3);
        assertThat(desk.locator("#places")).containsText("hồ Krông Búk Hạ");
        assertThat(desk.locator("#timeline")).containsText("Vì sao được gộp");
        Browser.screenshot(desk, "incidents-03-incident");

        desk.locator("#action-PATROL_SENT").click();
        assertThat(desk.locator("#actions-log")).containsText("Đã cử tổ tuần tra");
        Browser.screenshot(desk, "incidents-04-patrol-sent");
    }
}
