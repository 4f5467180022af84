package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * Sessions are kept in each node's memory, yet a change that must sign an officer out reaches every node: a change
 * another node committed (here: written straight to the database, as that node's transaction would) ends the session
 * on this one within the recheck interval (1 s in tests), and a new role ends the session it was signed in with. An
 * htmx request (the badge) is sent to the sign-in page with {@code HX-Redirect}, so the page does not show it inside.
 */
@IntegrationTest
class SessionsEndEverywhereTests {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    TestCommune commune;
    String password;

    @BeforeEach
    void officerWithAPassword() {
        commune = Fixtures.commune(jdbc);
        password = "Khu@vuc" + commune.code();
        setPassword(password);
    }

    @Test
    void aPasswordResetOnAnotherNodeEndsTheSessionHereWithinTheRecheckAndTheNewSignInWorksAtOnce() throws Exception {
        var open = signIn(password);
        assertThat(mvc.get().uri("/console").session(open)).hasStatusOk();

        // Another node resets the password: a new hash and the epoch moved on, in one transaction.
        String second = "Moi@" + commune.code() + "xyz";
        jdbc.sql("UPDATE accounts.officer_logins SET password_hash = ?, session_epoch = session_epoch + 1"
                        + " WHERE officer_id = ?")
                .params(PASSWORDS.encode(second), commune.officerA())
                .update();

        long started = System.nanoTime();
        String location = null;
        while (location == null
                && System.nanoTime() - started < Duration.ofSeconds(5).toNanos()) {
            location = mvc.get()
                    .uri("/console")
                    .session(open)
                    .exchange()
                    .getMvcResult()
                    .getResponse()
                    .getRedirectedUrl();
            if (location == null) {
                Thread.sleep(100);
            }
        }
        assertThat(location).as("the session opened before the reset ends").isEqualTo("/login?expired");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("within the recheck interval, with room for a slow machine")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(mvc.get().uri("/login?expired")).bodyText().contains("Phiên đăng nhập đã kết thúc");

        // The officer signs in again at once with the new password: this node still remembering the old epoch for a
        // moment must not turn the new session away.
        var again = signIn(second);
        assertThat(mvc.get().uri("/console").session(again)).hasStatusOk();
    }

    @Test
    void aNewRoleEndsTheSessionAtOnceAndTheNextSignInCarriesIt() {
        var open = signIn(password);
        assertThat(mvc.get().uri("/console").session(open)).hasStatusOk();
        assertThat(mvc.get().uri("/console/register").session(open)).hasStatusOk();

        long adminId = Fixtures.administrator(jdbc, commune);
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/role", commune.officerA())
                        .param("role", "COMMUNE_STAFF")
                        .param("reason", "Điều động về đội tổng hợp")
                        .param("unit", commune.code())
                        .with(user(Fixtures.signedIn(directory, "admin" + commune.code(), adminId)))
                        .with(csrf()))
                .hasStatus3xxRedirection();

        // The badge polls every 10 s: htmx is told to open the sign-in page as a whole page, not inside the badge.
        assertThat(mvc.get().uri("/console/badge").header("HX-Request", "true").session(open))
                .as("a session signed in as an area officer does not go on with the old role")
                .hasStatus(401)
                .hasHeader("HX-Redirect", "/login?expired");
        assertThat(mvc.get().uri("/console").session(open)).hasStatus3xxRedirection();
        var again = signIn(password);
        assertThat(mvc.get().uri("/console").session(again))
                .hasStatusOk()
                .bodyText()
                .contains("Cán bộ công an xã");
    }

    @Test
    void anHtmxRequestWithoutASignInIsSentToTheSignInPageAsAWholePage() {
        assertThat(mvc.get().uri("/console/badge").header("HX-Request", "true"))
                .hasStatus(401)
                .hasHeader("HX-Redirect", "/login");
        assertThat(mvc.get().uri("/console/badge")).hasRedirectedUrl("/login");
    }

    @Test
    void otherChangesLeaveTheSessionOpen() throws InterruptedException {
        var open = signIn(password);
        jdbc.sql("UPDATE accounts.officer_logins SET last_sign_in_at = now() - interval '1 day' WHERE officer_id = ?")
                .param(commune.officerA())
                .update();
        jdbc.sql("UPDATE directory.officers SET phone = '0901234567' WHERE id = ?")
                .param(commune.officerA())
                .update();
        Thread.sleep(1_200); // past the recheck interval: the node reads the sign-in again
        assertThat(mvc.get().uri("/console").session(open)).hasStatusOk();
    }

    private MockHttpSession signIn(String withPassword) {
        var session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/login")
                        .session(session)
                        .param("username", commune.officerALogin())
                        .param("password", withPassword)
                        .with(csrf()))
                .hasRedirectedUrl("/console");
        return session;
    }

    private void setPassword(String raw) {
        jdbc.sql("UPDATE accounts.officer_logins SET password_hash = ? WHERE officer_id = ?")
                .params(PASSWORDS.encode(raw), commune.officerA())
                .update();
    }
}
