package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.IntegrationTest;

/**
 * Production's policy: an officer without an app adds one before any console, account, admin or actuator page; the
 * password alone opens nothing else. (A context of its own, for the setting.)
 */
@IntegrationTest
@TestPropertySource(properties = "binhyen.accounts.second-factor=required")
class SecondFactorRequiredTests {

    private static final Pattern TYPED_KEY = Pattern.compile("id=\"app-key\">([A-Z2-7 ]+)<");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerWithoutAnAppAddsOneBeforeAnythingElseAndThenWorks() throws Exception {
        var commune = Fixtures.commune(jdbc);
        var session = signIn(commune.chiefLogin());
        for (String page : new String[] {"/console", "/console/register", "/account/password", "/console/overview"}) {
            assertThat(mvc.get().uri(page).session(session))
                    .as(page)
                    .hasStatus(303)
                    .hasRedirectedUrl("/account/two-factor");
        }
        assertThat(mvc.get().uri("/console/badge").header("HX-Request", "true").session(session))
                .as("the badge polled from the page that adds an app: nothing, no reload")
                .hasStatus(204);
        String page = mvc.get()
                .uri("/account/two-factor")
                .session(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Đơn vị yêu cầu xác thực hai lớp");
        Matcher key = TYPED_KEY.matcher(page);
        assertThat(key.find()).isTrue();
        String code = new AuthenticatorCodes()
                .codeAt(AuthenticatorCodes.keyOf(key.group(1)), Instant.now().getEpochSecond() / 30);
        assertThat(mvc.post()
                        .uri("/account/two-factor")
                        .param("code", code)
                        .session(session)
                        .with(csrf()))
                .hasStatusOk();
        assertThat(mvc.get().uri("/console/register").session(session)).hasStatusOk();
    }

    @Test
    void anAdministratorWithoutAnAppReachesNeitherTheAdminPagesNorTheActuator() {
        var commune = Fixtures.commune(jdbc);
        long adminId = Fixtures.administrator(jdbc, commune);
        String username = "qt" + commune.code();
        jdbc.sql("INSERT INTO accounts.officer_logins (username, officer_id, password_hash) VALUES (?, ?, ?)")
                .params(
                        username,
                        adminId,
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(Fixtures.PASSWORD))
                .update();
        var session = signIn(username);
        assertThat(mvc.get().uri("/admin/officers").session(session)).hasRedirectedUrl("/account/two-factor");
        assertThat(mvc.get().uri("/actuator/metrics").session(session)).hasRedirectedUrl("/account/two-factor");
        assertThat(mvc.get().uri("/login/code").session(session))
                .as("no app to ask a code of")
                .hasRedirectedUrl("/account/two-factor");
    }

    private MockHttpSession signIn(String username) {
        var session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/login")
                        .session(session)
                        .param("username", username)
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .hasRedirectedUrl("/console");
        return session;
    }
}
