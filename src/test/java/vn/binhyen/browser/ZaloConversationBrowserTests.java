package vn.binhyen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.support.Browser;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.SimulatorIntegrationTest;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimZalo;

/**
 * A resident writes to the commune police page on the simulated Zalo phone, the officer answers in the console, and
 * the answer appears on the phone; the officer then registers the conversation as a tip in one step. It shares the
 * Zalo tests' application ({@link SimulatorIntegrationTest}).
 */
@SimulatorIntegrationTest
class ZaloConversationBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimZalo simZalo;

    @Autowired
    SimWorld world;

    @BeforeAll
    static void startBrowser() {
        // Registering a tip stores it and its photos in several transactions; shared CI machines can be slow.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** The suite shares two cores with other work; a first page load in a cold Chromium can take a while there. */
    static Page patient(Page page) {
        page.setDefaultNavigationTimeout(120_000);
        page.setDefaultTimeout(60_000);
        return page;
    }

    /** A resident of a new test commune, on the simulated phone, has written {@code text} to the commune's page. */
    Page residentWrites(Fixtures.TestCommune commune, String name, String text) {
        var oa = simZalo.openAndBind(commune.code(), "Công an xã Thử " + commune.code());
        simZalo.connect(oa.oaId());
        String resident = world.newUser(name + " " + commune.code()).userId();
        Page phone = patient(browser.newPage(390, 844));
        phone.navigate(base() + "/sim/phone?user=" + resident + "&oa=" + oa.oaId());
        phone.locator("#text").fill(text);
        phone.locator("form[action$='/sim/phone/text'] button[type=submit]").click();
        assertThat(phone.locator("#messages li.resident")).containsText(text);
        return phone;
    }

    /** The commune's chief signs in and opens the conversation inbox. */
    Page chiefOpensInbox(Fixtures.TestCommune commune) {
        Page desk = patient(browser.newPage(1280, 900));
        desk.navigate(base() + "/console");
        Browser.signIn(desk, commune.chiefLogin(), Fixtures.PASSWORD);
        desk.navigate(base() + "/console/conversations");
        return desk;
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aResidentsMessageOnThePhoneIsAnsweredFromTheConsoleAndTheAnswerReachesThePhone() {
        var commune = Fixtures.commune(jdbc);
        Page phone = residentWrites(
                commune, "Chị Lan", "Chào công an xã, tối qua có hai người lạ đi xe máy dò hỏi nhà ông Ba ở thôn A.");
        Browser.screenshot(phone, "zalo-01-resident-writes");

        Page desk = chiefOpensInbox(commune);
        // The message arrives through the signed webhook and the event processor; the inbox shows it when it is in.
        for (int i = 0; i < 50 && desk.locator("a.row-link").count() == 0; i++) {
            desk.waitForTimeout(300);
            desk.reload();
        }
        assertThat(desk.locator("table.inbox")).containsText("dò hỏi nhà ông Ba");
        Browser.screenshot(desk, "zalo-02-officer-inbox");
        desk.locator("a.row-link").first().click();
        assertThat(desk.locator("#messages")).containsText("dò hỏi nhà ông Ba");
        desk.locator("#text").fill("Công an xã đã nhận tin, cảnh sát khu vực sẽ đến thôn A kiểm tra ngay chiều nay.");
        desk.getByText("Gửi trả lời").click();
        assertThat(desk.locator("#messages li.police")).containsText("kiểm tra ngay chiều nay");
        Browser.screenshot(desk, "zalo-03-officer-replied");

        // The phone's conversation polls every 2 seconds: the police's answer appears without a reload.
        assertThat(phone.locator("#messages li.police")).containsText("kiểm tra ngay chiều nay");
        Browser.screenshot(phone, "zalo-04-resident-sees-answer");

        // The officer registers the conversation as a tip, without retyping.
        desk.locator("#category").selectOption("SUSPICIOUS_PERSON");
        desk.locator("#make-tip-submit").click();
        assertThat(desk.locator("#made-tip")).containsText("TB-");
        assertThat(desk.locator("#thread-tips a")).hasCount(1);
        Browser.screenshot(desk, "zalo-05-tip-made");
        desk.locator("#made-tip a").click();
        assertThat(desk.locator("#tip-description")).containsText("dò hỏi nhà ông Ba");
    }

    /**
     * Issue 5's flow: a resident asks about a lost identity card the way people type on a phone; the officer sees the
     * right procedure first among the suggestions, with the words that matched marked, sends it in one click, and the
     * resident receives it on the phone.
     */
    @Test
    void aQuestionTypedWithoutDiacriticsIsAnsweredWithTheSuggestedProcedureInOneClick() {
        var commune = Fixtures.commune(jdbc);
        Page phone = residentWrites(commune, "Anh Tú", "lam lai cccd bi mat can gi");

        Page desk = chiefOpensInbox(commune);
        for (int i = 0; i < 50 && desk.locator("a.row-link").count() == 0; i++) {
            desk.waitForTimeout(300);
            desk.reload();
        }
        desk.locator("a.row-link").first().click();
        // Suggestions come from the question, which is looked at just after the message is stored.
        for (int i = 0; i < 50 && desk.locator("#suggestions").count() == 0; i++) {
            desk.waitForTimeout(300);
            desk.reload();
        }
        var first = desk.locator("#suggestions li.suggestion").first();
        assertThat(first.locator(".suggestion-title")).hasText("Cấp lại thẻ căn cước khi bị mất");
        assertThat(first.locator(".passage mark").first()).isVisible();
        Browser.screenshot(desk, "knowledge-01-officer-sees-suggestions");

        first.locator(".send-suggestion").click();
        assertThat(desk.locator("#messages li.police")).containsText("Cấp lại thẻ căn cước khi bị mất");
        assertThat(desk.locator("#suggestions")).hasCount(0);
        Browser.screenshot(desk, "knowledge-02-answer-sent");

        assertThat(phone.locator("#messages li.police")).containsText("Cấp lại thẻ căn cước khi bị mất");
        assertThat(phone.locator("#messages li.police")).containsText("/hoi-dap/cap-lai-the-can-cuoc");
        Browser.screenshot(phone, "knowledge-03-resident-receives-answer");
    }
}
