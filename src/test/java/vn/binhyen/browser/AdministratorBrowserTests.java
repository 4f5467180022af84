package vn.binhyen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.binhyen.support.Browser;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.IntegrationTest;

/**
 * The administrator in a real browser: adds an area officer to a commune, reads the one-time password off the page,
 * and the new officer signs in with it, replaces it with their own, and lands in the console. A console left open
 * when the officer's session is ended on another node goes to the sign-in page at its next htmx request. An officer
 * adds an authenticator app and signs in with its code after the password.
 */
@IntegrationTest
class AdministratorBrowserTests {

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
    void addAnOfficerWhoSignsInWithTheOneTimePassword() {
        var commune = Fixtures.commune(jdbc);
        String adminLogin = "qt" + commune.code();
        long admin = Fixtures.administrator(jdbc, commune);
        jdbc.sql("INSERT INTO accounts.officer_logins (username, officer_id, password_hash) VALUES (?, ?, ?)")
                .params(
                        adminLogin,
                        admin,
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(Fixtures.PASSWORD))
                .update();
        String base = "http://localhost:" + port;

        Page desk = browser.newPage(1366, 900);
        desk.navigate(base + "/login");
        Browser.signIn(desk, adminLogin, Fixtures.PASSWORD);
        desk.navigate(base + "/admin/officers?unit=" + commune.code());
        desk.locator("#fullName").fill("Lê Thị Hoa");
        desk.locator("#rank").fill("Trung úy");
        desk.locator("#role").selectOption("AREA_OFFICER");
        desk.locator("#username").fill("hoa." + commune.code());
        desk.locator("#add-officer button[type=submit]").click();
        assertThat(desk.locator("#one-time-password")).containsText("hoa." + commune.code());
        assertThat(desk.locator("table")).containsText("Lê Thị Hoa");
        Browser.screenshot(desk, "14-admin-officer-added");
        String password = desk.locator("#one-time-password code").textContent().strip();

        Page officer = browser.newPage(390, 844);
        officer.navigate(base + "/login");
        Browser.signIn(officer, "hoa." + commune.code(), password);
        // A password the administrator saw is replaced before anything else.
        assertThat(officer.locator("#password-required")).isVisible();
        officer.locator("#current").fill(password);
        officer.locator("#chosen").fill("Hoa-tu-dat-2026");
        officer.locator("#repeated").fill("Hoa-tu-dat-2026");
        officer.locator("#password-form button[type=submit]").click();
        Browser.signIn(officer, "hoa." + commune.code(), "Hoa-tu-dat-2026");
        officer.waitForURL(url -> url.endsWith("/console"));
        assertThat(officer.locator(".who")).containsText("Lê Thị Hoa");
    }

    @Test
    void aConsoleLeftOpenWhenTheSessionEndsOnAnotherNodeGoesToTheSignInPage() {
        var commune = Fixtures.commune(jdbc);
        String base = "http://localhost:" + port;
        Page officer = browser.newPage(1366, 900);
        officer.navigate(base + "/login");
        Browser.signIn(officer, commune.officerALogin(), Fixtures.PASSWORD);
        officer.waitForURL(url -> url.endsWith("/console"));

        // Another node changes the officer's role: its transaction moves the sign-in's epoch on.
        jdbc.sql("UPDATE accounts.officer_logins SET session_epoch = session_epoch + 1 WHERE officer_id = ?")
                .param(commune.officerA())
                .update();
        officer.waitForTimeout(1_200); // this node's recheck interval in tests

        // Typing a search sends an htmx request; the answer opens the sign-in page as a whole page.
        officer.locator("#q").pressSequentially("xe");
        officer.waitForURL(url -> url.endsWith("/login?expired"));
        assertThat(officer.locator("body")).containsText("Phiên đăng nhập đã kết thúc");
        assertThat(officer.locator("#badge")).hasCount(0);
        Browser.screenshot(officer, "15-session-ended-elsewhere");
    }

    @Test
    void anOfficerAddsAnAuthenticatorAppAndSignsInWithItsCode() throws Exception {
        var commune = Fixtures.commune(jdbc);
        String base = "http://localhost:" + port;
        Page officer = browser.newPage(390, 844);
        officer.navigate(base + "/login");
        Browser.signIn(officer, commune.officerALogin(), Fixtures.PASSWORD);
        officer.waitForURL(url -> url.endsWith("/console"));

        officer.locator(".who a[href='/account/two-factor']").click();
        assertThat(officer.locator("img.qr")).isVisible();
        // The officer's app: here, the same RFC 6238 generator an app runs, fed the key typed off the page.
        byte[] key =
                new Base32().decode(officer.locator("#app-key").textContent().replace(" ", ""));
        officer.locator("#add-app #code").fill(appCode(key, 0));
        Browser.screenshot(officer, "17-officer-adds-authenticator-app");
        officer.locator("#add-app button[type=submit]").click();
        assertThat(officer.locator("#recovery-codes li")).hasCount(10);
        Browser.screenshot(officer, "18-recovery-codes-shown-once");
        officer.locator("a.button.primary").click();
        officer.waitForURL(url -> url.endsWith("/console"));
        officer.locator(".who form button[type=submit]").click();

        officer.navigate(base + "/login");
        Browser.signIn(officer, commune.officerALogin(), Fixtures.PASSWORD);
        officer.waitForURL(url -> url.endsWith("/login/code"));
        officer.locator("#code").fill(appCode(key, 1));
        Browser.screenshot(officer, "19-sign-in-asks-for-the-code");
        officer.locator("#code-form button[type=submit]").click();
        officer.waitForURL(url -> url.contains("/console"));
        assertThat(officer.locator(".who")).containsText("Khu vực A");
    }

    /** The code an app shows now, or {@code ahead} steps later (a code is accepted once, so each sign-in needs a new one). */
    private static String appCode(byte[] key, int ahead) throws Exception {
        return new TimeBasedOneTimePasswordGenerator()
                .generateOneTimePasswordString(
                        new SecretKeySpec(key, "RAW"), Instant.now().plusSeconds(30L * ahead), Locale.ROOT);
    }
}
