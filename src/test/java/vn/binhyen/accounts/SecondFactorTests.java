package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * An officer adds an authenticator app and from then on signs in with the password and its code; with the demo's and
 * the tests' policy ({@code optional}) an officer without an app signs in with the password alone.
 * {@link SecondFactorRequiredTests} covers the production policy.
 */
@IntegrationTest
class SecondFactorTests {

    private static final Pattern TYPED_KEY = Pattern.compile("id=\"app-key\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([A-Z2-9]{5}-[A-Z2-9]{5})</code>");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    final AuthenticatorCodes codes = new AuthenticatorCodes();
    TestCommune commune;

    @BeforeEach
    void commune() {
        commune = Fixtures.commune(jdbc);
    }

    @Test
    void anOfficerAddsAnAppAndThenSignsInWithItsCodeAfterThePasswordAndLandsOnThePageAskedFor() throws Exception {
        var first = signIn();
        assertThat(mvc.get().uri("/console").session(first))
                .as("no app yet, optional: the password is enough")
                .hasStatusOk();
        byte[] key = addApp(first);

        // The key is sealed: neither its bytes nor its Base32 are in the table.
        byte[] sealed = jdbc.sql("SELECT key_sealed FROM accounts.second_factors WHERE officer_id = ?")
                .param(commune.officerA())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(key, StandardCharsets.ISO_8859_1))
                .doesNotContain(AuthenticatorCodes.typedKey(key).replace(" ", ""));
        assertThat(audit("ACCOUNT_CHANGE")).anyMatch(d -> d.startsWith("SECOND_FACTOR_ADDED"));

        // Next sign-in: the password alone opens nothing, not even the badge, and the page asked for is remembered.
        var second = new MockHttpSession();
        assertThat(mvc.get().uri("/console/tips/{id}", 12345).session(second)).hasRedirectedUrl("/login");
        assertThat(passwordIn(second)).isEqualTo("http://localhost/console/tips/12345?continue");
        assertThat(mvc.get().uri("/console").session(second)).hasRedirectedUrl("/login/code");
        assertThat(mvc.get().uri("/account/password").session(second)).hasRedirectedUrl("/login/code");
        assertThat(mvc.get().uri("/account/two-factor").session(second)).hasRedirectedUrl("/login/code");
        assertThat(mvc.get().uri("/console/badge").header("HX-Request", "true").session(second))
                .hasStatus(204);
        assertThat(mvc.get().uri("/login/code").session(second))
                .hasStatusOk()
                .bodyText()
                .contains("Nhập mã 6 số");
        // The last page asked for is the one opened after the code.
        assertThat(mvc.get().uri("/console/tips/12345").session(second)).hasRedirectedUrl("/login/code");

        String sessionBefore = second.getId();
        long step = presentStep();
        assertThat(typeCode(second, codes.codeAt(key, step)))
                .as("back to the page asked for before signing in")
                .hasRedirectedUrl("http://localhost/console/tips/12345?continue");
        assertThat(second.getId()).as("a new session id with the second factor").isNotEqualTo(sessionBefore);
        assertThat(mvc.get().uri("/console").session(second)).hasStatusOk();
        assertThat(audit("SIGN_IN")).anyMatch(d -> d.endsWith(", password+totp"));

        // The same code a second time (seen over a shoulder) is refused, in another session.
        var third = new MockHttpSession();
        passwordIn(third);
        assertThat(typeCode(third, codes.codeAt(key, step)))
                .hasStatus(422)
                .bodyText()
                .contains("Mã không đúng hoặc đã dùng");
        assertThat(mvc.get().uri("/console").session(third)).hasRedirectedUrl("/login/code");
        assertThat(typeCode(third, codes.codeAt(key, step + 1))).hasRedirectedUrl("http://localhost/console?continue");
    }

    @Test
    void fiveWrongCodesLockTheSignInAsFiveWrongPasswordsDoAndAPasswordAloneDoesNotClearTheCount() throws Exception {
        var session = signIn();
        byte[] key = addApp(session);
        String wrong = wrongCode(key);
        for (int attempt = 1; attempt <= 3; attempt++) {
            var tries = new MockHttpSession();
            passwordIn(tries);
            assertThat(typeCode(tries, wrong)).hasStatus(422);
        }
        // Signing in again with the right password does not start the count over: 2 more wrong codes lock it.
        var last = new MockHttpSession();
        passwordIn(last);
        for (int attempt = 4; attempt <= 5; attempt++) {
            assertThat(typeCode(last, wrong)).hasStatus(422);
        }
        assertThat(typeCode(last, codes.codeAt(key, presentStep())))
                .as("even the right code, once locked")
                .hasRedirectedUrl("/login?locked");
        assertThat(mvc.get().uri("/login?locked")).bodyText().contains("Tài khoản tạm khóa 15 phút");
        assertThat(Fixtures.signsIn(mvc, commune.officerALogin(), Fixtures.PASSWORD))
                .as("the password is refused while locked")
                .isFalse();
        assertThat(audit("SIGN_IN_FAILED"))
                .filteredOn("WrongSecondFactor"::equals)
                .hasSize(5);
    }

    @Test
    void aRecoveryCodeStandsInForTheAppOnceAndTheOfficerCanRemoveTheAppForANewPhone() throws Exception {
        var session = signIn();
        byte[] key = addApp(session);
        List<String> recovery = lastRecoveryCodes;

        var lostPhone = new MockHttpSession();
        passwordIn(lostPhone);
        assertThat(typeCode(lostPhone, recovery.get(3).toLowerCase().replace("-", " ")))
                .as("typed in lower case, with a space: still the code")
                .hasRedirectedUrl("/account/two-factor?recovery");
        assertThat(mvc.get().uri("/account/two-factor?recovery").session(lostPhone))
                .bodyText()
                .contains("Còn 9 mã");
        assertThat(audit("ACCOUNT_CHANGE")).anyMatch(d -> d.equals("RECOVERY_CODE_USED: 9 left"));

        var again = new MockHttpSession();
        passwordIn(again);
        assertThat(typeCode(again, recovery.get(3)))
                .as("a recovery code is good once")
                .hasStatus(422);

        // New recovery codes, confirmed with another of the old ones; then the old ones are void.
        assertThat(mvc.post()
                        .uri("/account/two-factor/recovery-codes")
                        .param("code", recovery.get(4))
                        .session(lostPhone)
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Mã dự phòng");
        assertThat(mvc.post()
                        .uri("/account/two-factor/remove")
                        .param("code", recovery.get(5))
                        .session(lostPhone)
                        .with(csrf()))
                .as("an old recovery code after new ones were made")
                .hasStatus(422);
        assertThat(mvc.post()
                        .uri("/account/two-factor/remove")
                        .param("code", codes.codeAt(key, presentStep() + 1))
                        .session(lostPhone)
                        .with(csrf()))
                .hasRedirectedUrl("/account/two-factor?removed");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.recovery_codes WHERE officer_id = ?")
                        .param(commune.officerA())
                        .query(Long.class)
                        .single())
                .isZero();
        var noApp = signIn();
        assertThat(mvc.get().uri("/console").session(noApp)).hasStatusOk();
    }

    @Test
    void anAdministratorRemovesALostAppWithAReasonAndTheOfficersSessionsEnd() throws Exception {
        var session = signIn();
        byte[] key = addApp(session);
        assertThat(key).isNotEmpty();
        long adminId = Fixtures.administrator(jdbc, commune);
        var admin = user(Fixtures.signedIn(directory, "admin" + commune.code(), adminId));

        assertThat(mvc.get().uri("/admin/officers?unit={unit}", commune.code()).with(admin))
                .bodyText()
                .contains("Đã bật", "Gỡ ứng dụng (mất điện thoại)");
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/second-factor", commune.officerA())
                        .param("unit", commune.code())
                        .param("reason", "")
                        .with(admin)
                        .with(csrf()))
                .as("a reason is required")
                .hasStatus(422);
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/second-factor", commune.officerA())
                        .param("unit", commune.code())
                        .param("reason", "Mất điện thoại khi đi tuần")
                        .with(admin)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/console").session(session))
                .as("whoever holds the phone may be signed in")
                .hasRedirectedUrl("/login?expired");
        assertThat(audit("ACCOUNT_CHANGE")).contains("SECOND_FACTOR_RESET: Mất điện thoại khi đi tuần");
        var next = signIn();
        assertThat(mvc.get().uri("/console").session(next)).hasStatusOk();
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/second-factor", commune.officerA())
                        .param("unit", commune.code())
                        .param("reason", "Lần nữa")
                        .with(admin)
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("chưa bật xác thực hai lớp");
    }

    @Test
    void aWrongFirstCodeKeepsTheSameKeySoTheAppNeedNotBeScannedAgain() throws Exception {
        var session = signIn();
        String page = mvc.get()
                .uri("/account/two-factor")
                .session(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        byte[] key = AuthenticatorCodes.keyOf(typedKey(page));
        assertThat(mvc.post()
                        .uri("/account/two-factor")
                        .param("code", wrongCode(key))
                        .session(session)
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Mã không đúng hoặc đã dùng", AuthenticatorCodes.typedKey(key));
        assertThat(mvc.post()
                        .uri("/account/two-factor")
                        .param("code", "")
                        .session(session)
                        .with(csrf()))
                .hasStatus(422);
        assertThat(mvc.post()
                        .uri("/account/two-factor")
                        .param("code", codes.codeAt(key, presentStep()))
                        .session(session)
                        .with(csrf()))
                .hasStatusOk();
    }

    List<String> lastRecoveryCodes = List.of();

    /** Adds an app the way an officer does: reads the key off the page, types the app's code. */
    private byte[] addApp(MockHttpSession session) throws Exception {
        String page = mvc.get()
                .uri("/account/two-factor")
                .session(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data:image/svg+xml;base64,");
        byte[] key = AuthenticatorCodes.keyOf(typedKey(page));
        var added = mvc.post()
                .uri("/account/two-factor")
                .param("code", codes.codeAt(key, presentStep() - 1))
                .session(session)
                .with(csrf())
                .exchange();
        assertThat(added).hasStatusOk();
        String body = added.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher m = RECOVERY_CODE.matcher(body);
        var found = new java.util.ArrayList<String>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
        lastRecoveryCodes = List.copyOf(found);
        return key;
    }

    /** The officer types a code on the page after the password. */
    private MvcTestResult typeCode(MockHttpSession session, String code) {
        return mvc.post()
                .uri("/login/code")
                .param("code", code)
                .session(session)
                .with(csrf())
                .exchange();
    }

    private static String typedKey(String page) {
        Matcher m = TYPED_KEY.matcher(page);
        assertThat(m.find()).as("the key is shown to type in").isTrue();
        return m.group(1);
    }

    private MockHttpSession signIn() {
        var session = new MockHttpSession();
        assertThat(passwordIn(session)).isEqualTo("/console");
        return session;
    }

    /** The password step; returns where the sign-in form sends the officer. */
    private String passwordIn(MockHttpSession session) {
        return mvc.post()
                .uri("/login")
                .session(session)
                .param("username", commune.officerALogin())
                .param("password", Fixtures.PASSWORD)
                .with(csrf())
                .exchange()
                .getMvcResult()
                .getResponse()
                .getRedirectedUrl();
    }

    private String wrongCode(byte[] key) {
        long step = presentStep();
        for (int candidate = 0; ; candidate++) {
            String code = "%06d".formatted(candidate);
            if (!code.equals(codes.codeAt(key, step - 1))
                    && !code.equals(codes.codeAt(key, step))
                    && !code.equals(codes.codeAt(key, step + 1))
                    && !code.equals(codes.codeAt(key, step + 2))) {
                return code;
            }
        }
    }

    private static long presentStep() {
        return Instant.now().getEpochSecond() / AuthenticatorCodes.STEP.toSeconds();
    }

    private List<String> audit(String action) {
        return jdbc.sql(
                        "SELECT detail FROM audit.entries WHERE action = ? AND (officer_id = ? OR subject = ? OR actor = ?)")
                .params(action, commune.officerA(), "officer:" + commune.officerA(), commune.officerALogin())
                .query(String.class)
                .list();
    }
}
