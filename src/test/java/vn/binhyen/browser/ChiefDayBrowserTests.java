package vn.binhyen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.ReportKind;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.support.Browser;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/**
 * The commune chief's day, in a real browser: the register shows an overdue report at once; the chief extends it, then
 * transfers another report to the investigation body and downloads its transfer slip.
 */
@IntegrationTest
class ChiefDayBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TipIntake intake;

    @Autowired
    Register register;

    @Autowired
    Directory directory;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void seeTheOverdueReportExtendItAndTransferAnotherWithItsSlip() throws Exception {
        var commune = Fixtures.commune(jdbc);
        var chief = new Actor(RegisterFixtures.scope(directory, commune.chief()), commune.chiefLogin());
        long overdue = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
        register.classify(chief, overdue, ReportKind.DENUNCIATION, null);
        register.startResolution(chief, overdue);
        // Twenty days went by: the resolution deadline passed yesterday.
        jdbc.sql("UPDATE reports.dockets SET resolution_due_at = now() - interval '1 day',"
                        + " received_at = now() - interval '21 days' WHERE tip_id = ?")
                .param(overdue)
                .update();
        long fresh = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageB(), false);
        register.classify(chief, fresh, ReportKind.CRIME_REPORT, null);
        String overdueLine = line(overdue);
        String freshLine = line(fresh);
        String base = "http://localhost:" + port;

        Page desk = browser.newPage(1366, 900);
        desk.navigate(base + "/console/register");
        Browser.signIn(desk, commune.chiefLogin(), Fixtures.PASSWORD);
        desk.navigate(base + "/console/register");
        assertThat(desk.locator("#overdue-banner")).containsText("1 nguồn tin đã quá hạn");
        assertThat(desk.locator("tr[data-register='" + overdueLine + "']"))
                .hasClass(java.util.regex.Pattern.compile("overdue"));
        assertThat(desk.locator("tr[data-register='" + overdueLine + "']")).containsText("QUÁ HẠN");
        Browser.screenshot(desk, "10-chief-register-overdue");

        desk.locator("tr[data-register='" + overdueLine + "'] a.row-link").click();
        assertThat(desk.locator("#clocks tr[data-clock='RESOLUTION']")).containsText("QUÁ HẠN");
        desk.locator("#extend-reason").fill("Phải xác minh tại nhiều địa phương");
        desk.locator("#extend").click();
        assertThat(desk.locator("#docket-events")).containsText("Gia hạn giải quyết");
        assertThat(desk.locator("#clocks tr[data-clock='RESOLUTION']")).not().containsText("QUÁ HẠN");
        Browser.screenshot(desk, "11-chief-extended");

        desk.navigate(base + "/console/register");
        assertThat(desk.locator("#overdue-banner")).hasCount(0);
        desk.locator("tr[data-register='" + freshLine + "'] a.row-link").click();
        assertThat(desk.locator("#docket-state")).hasText("Chờ chuyển cơ quan điều tra");
        desk.locator("#transfer-body").fill("Cơ quan Cảnh sát điều tra Công an tỉnh");
        desk.locator("#transfer-reason").fill("Vụ trộm có dấu hiệu liên tỉnh");
        desk.locator("#transfer").click();
        assertThat(desk.locator("#docket-state")).hasText("Đã chuyển cơ quan có thẩm quyền");
        assertThat(desk.locator("#tip-status")).hasText("Đã chuyển cơ quan có thẩm quyền");
        Download download =
                desk.waitForDownload(() -> desk.locator("a.slip-pdf").first().click());
        byte[] slip = Files.readAllBytes(download.path());
        assertThat(new String(slip, 0, 5)).isEqualTo("%PDF-");
        assertThat(RegisterFixtures.pdfText(slip))
                .contains("PHIẾU CHUYỂN NGUỒN TIN")
                .contains(freshLine);
        Browser.screenshot(desk, "12-chief-transferred");
    }

    @Test
    void giveAVillageToAnotherAreaOfficerWhoThenFindsItsTipInTheInbox() {
        var commune = Fixtures.commune(jdbc);
        long tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), true);
        jdbc.sql("UPDATE reports.tips SET assigned_officer_id = NULL WHERE id = ?")
                .param(tip)
                .update();
        String code = jdbc.sql("SELECT code FROM reports.tips WHERE id = ?")
                .param(tip)
                .query(String.class)
                .single();
        String base = "http://localhost:" + port;

        Page officerB = signIn(base, commune.officerBLogin());
        officerB.navigate(base + "/console?status=ALL");
        assertThat(officerB.locator("tr[data-tip-code='" + code + "']")).hasCount(0);

        Page desk = signIn(base, commune.chiefLogin());
        desk.navigate(base + "/console/areas");
        assertThat(desk.locator("#village-" + commune.villageA() + " .area-officers"))
                .hasText("Khu vực A " + commune.code());
        desk.locator("#village-" + commune.villageA() + " select[name=officerId]")
                .selectOption(String.valueOf(commune.officerB()));
        desk.locator("#village-" + commune.villageA() + " form.assign button[type=submit]")
                .click();
        assertThat(desk.locator("#areas-saved")).isVisible();
        assertThat(desk.locator("#village-" + commune.villageA() + " .area-officers"))
                .hasText("Khu vực B " + commune.code());
        assertThat(desk.locator("#areas-coverage li[data-officer='" + commune.officerA() + "']"))
                .containsText("chưa phụ trách");
        Browser.screenshot(desk, "13-chief-areas");

        officerB.navigate(base + "/console?status=ALL");
        assertThat(officerB.locator("tr[data-tip-code='" + code + "']")).hasCount(1);

        // Two hamlets merged: the chief gives the village its new name; the tip and its officer stay with it.
        desk.locator("#edit-village-" + commune.villageA() + " summary").click();
        desk.locator("#name-" + commune.villageA()).fill("Thôn Hòa Bình");
        Browser.screenshot(desk, "16-chief-renames-village");
        desk.locator("#edit-village-" + commune.villageA() + " form.village-details button[type=submit]")
                .click();
        assertThat(desk.locator("#areas-saved")).isVisible();
        assertThat(desk.locator("#village-" + commune.villageA())).containsText("Thôn Hòa Bình");
        officerB.navigate(base + "/console?status=ALL");
        assertThat(officerB.locator("tr[data-tip-code='" + code + "']")).containsText("Thôn Hòa Bình");
    }

    private Page signIn(String base, String login) {
        Page page = browser.newPage(1366, 900);
        page.navigate(base + "/login");
        Browser.signIn(page, login, Fixtures.PASSWORD);
        page.waitForURL(url -> url.contains("/console"));
        return page;
    }

    private String line(long tip) {
        return jdbc.sql("SELECT register_number || '/' || register_year FROM reports.register_entries WHERE tip_id = ?")
                .param(tip)
                .query(String.class)
                .single();
    }
}
