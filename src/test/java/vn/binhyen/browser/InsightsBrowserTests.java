package vn.binhyen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.binhyen.support.Browser;

/**
 * The province commander of the demo (tinh.daklak) opens the province dashboard, picks Buôn Ma Thuột on the map drawn
 * from boundaries alone (no tile server), drills into the ward and exports its monthly report as PDF. Runs on the demo
 * data, in a context of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"binhyen.demo.enabled=true", "binhyen.zalo.simulator.enabled=true"})
class InsightsBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void theProvinceCommanderDrillsFromTheMapIntoACommuneAndExportsItsMonthlyReport() throws Exception {
        String base = "http://localhost:" + port;
        Page desk = browser.newPage(1366, 1000);
        // The map must draw without any tile server: refuse every request that leaves this server.
        desk.route(url -> !url.startsWith(base), route -> route.abort());
        desk.navigate(base + "/console/insights");
        Browser.signIn(desk, "tinh.daklak", "BinhYen@2026");

        desk.waitForURL("**/console/insights/province/66**");
        assertThat(desk.locator("h1")).containsText("Đắk Lắk");
        assertThat(desk.locator("#insights-map")).hasAttribute("data-ready", "true");
        assertThat(desk.locator("#chart-series")).hasAttribute("data-ready", "true");
        assertThat(desk.locator("[data-headline=tips] .value")).not().hasText("0");
        Browser.screenshot(desk, "insights-province");

        // Buôn Ma Thuột on the map: its popup links to the ward's dashboard.
        desk.locator("#insights-map .commune-24133").first().dispatchEvent("click");
        var link = desk.locator(".leaflet-popup a.map-commune-link");
        assertThat(link).hasText("Buôn Ma Thuột");
        Browser.screenshot(desk, "insights-province-map-popup");
        link.click();

        desk.waitForURL("**/console/insights/commune/24133**");
        assertThat(desk.locator("h1")).containsText("Buôn Ma Thuột");
        assertThat(desk.locator("nav.crumbs")).containsText("Đắk Lắk");
        assertThat(desk.locator("#children tbody tr")).not().hasCount(0);
        Browser.screenshot(desk, "insights-commune");

        Download download =
                desk.waitForDownload(() -> desk.locator("#export-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(download.suggestedFilename()).endsWith(".pdf").contains("commune-24133");
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("BÁO CÁO THÁNG", "Buôn Ma Thuột", "Tin báo tiếp nhận");
        }
        Files.write(Browser.SCREENSHOTS.resolve("insights-commune-report.pdf"), pdf);
    }
}
