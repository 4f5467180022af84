package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * An administrator's officer accounts over real HTTP: an officer added with a one-time password signs in with it
 * through the login form; a reset password replaces the old one at once; an officer who leaves cannot sign in and their
 * villages become vacant; refusals are 4xx in Vietnamese next to the field; every change is audited, no password is
 * stored in clear.
 */
@IntegrationTest
class OfficerAccountsTests {

    private static final Pattern PASSWORD = Pattern.compile("password=([A-Za-z0-9]{14})");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    TestCommune commune;
    RequestPostProcessor admin;
    long adminId;

    @BeforeEach
    void communeAndAdministrator() {
        commune = Fixtures.commune(jdbc);
        adminId = Fixtures.administrator(jdbc, commune);
        admin = user(Fixtures.signedIn(directory, "admin" + commune.code(), adminId));
    }

    MvcTestResult addOfficer(String username, String role) {
        return mvc.post()
                .uri("/admin/officers")
                .param("unit", commune.code())
                .param("fullName", "Nguyễn Văn Mới")
                .param("rank", "Thượng úy")
                .param("role", role)
                .param("username", username)
                .with(admin)
                .with(csrf())
                .exchange();
    }

    /** The one-time password the page shows after the redirect (a flash attribute). */
    static String oneTimePassword(MvcTestResult result) {
        Matcher m = PASSWORD.matcher(
                String.valueOf(result.getMvcResult().getFlashMap().get("password")));
        assertThat(m.find()).as("a one-time password was handed over").isTrue();
        return m.group(1);
    }

    boolean signsIn(String username, String password) {
        return Fixtures.signsIn(mvc, username, password);
    }

    String username(String prefix) {
        return prefix + commune.code();
    }

    @Test
    void anOfficerAddedWithAOneTimePasswordSignsInWithIt() {
        String username = username("ksv.moi.");
        var added = addOfficer(username.toUpperCase(java.util.Locale.ROOT), "AREA_OFFICER");
        assertThat(added).hasStatus3xxRedirection().hasRedirectedUrl("/admin/officers?unit=" + commune.code());
        String password = oneTimePassword(added);

        assertThat(signsIn(username, password)).isTrue();
        assertThat(signsIn(username, password + "x")).isFalse();
        String hash = jdbc.sql("SELECT password_hash FROM accounts.officer_logins WHERE username = ?")
                .param(username)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        long officer = jdbc.sql("SELECT officer_id FROM accounts.officer_logins WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
        assertThat(directory.officer(officer))
                .hasValueSatisfying(o -> assertThat(o.fullName()).isEqualTo("Nguyễn Văn Mới"));
        assertThat(jdbc.sql("SELECT detail FROM audit.entries WHERE action = 'ACCOUNT_CHANGE' AND subject = ?")
                        .param("officer:" + officer)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("ADDED: Nguyễn Văn Mới, AREA_OFFICER")
                .doesNotContain(password);
        assertThat(mvc.get()
                        .uri("/console/areas")
                        .with(user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()))))
                .bodyText()
                .as("the chief can give the new area officer villages at once")
                .contains("Nguyễn Văn Mới");
    }

    @Test
    void aTemporaryPasswordMustBeReplacedBeforeAnythingElse() {
        String username = username("ksv.doi.");
        String temporary = oneTimePassword(addOfficer(username, "AREA_OFFICER"));
        var session = new org.springframework.mock.web.MockHttpSession();
        assertThat(mvc.post()
                        .uri("/login")
                        .session(session)
                        .param("username", username)
                        .param("password", temporary)
                        .with(csrf()))
                .hasRedirectedUrl("/console");
        assertThat(mvc.get().uri("/console").session(session))
                .hasStatus(303)
                .hasHeader("Location", "/account/password");
        assertThat(mvc.get().uri("/console/badge").session(session).header("HX-Request", "true"))
                .as("a polled fragment: nothing, not a redirect that would reload the password page")
                .hasStatus(204);
        assertThat(mvc.get().uri("/account/password").session(session))
                .hasStatusOk()
                .bodyText()
                .contains("Bạn đang dùng mật khẩu tạm do quản trị viên cấp.");

        record Refusal(String current, String chosen, String repeated, String sentence) {}
        for (var refusal : List.of(
                new Refusal("sai", "Mat-khau-moi-1", "Mat-khau-moi-1", "Mật khẩu hiện tại không đúng."),
                new Refusal(temporary, "ngan", "ngan", "Mật khẩu mới cần ít nhất 10 ký tự."),
                new Refusal(temporary, temporary, temporary, "Mật khẩu mới phải khác mật khẩu hiện tại"),
                new Refusal(temporary, "Mat-khau-moi-1", "Mat-khau-moi-2", "Hai lần nhập mật khẩu mới không giống"))) {
            assertThat(mvc.post()
                            .uri("/account/password")
                            .session(session)
                            .param("current", refusal.current())
                            .param("chosen", refusal.chosen())
                            .param("repeated", refusal.repeated())
                            .with(csrf()))
                    .hasStatus(422)
                    .bodyText()
                    .contains(refusal.sentence());
        }
        assertThat(mvc.post()
                        .uri("/account/password")
                        .session(session)
                        .param("current", temporary)
                        .param("chosen", "Mat-khau-cua-toi-2026")
                        .param("repeated", "Mat-khau-cua-toi-2026")
                        .with(csrf()))
                .hasRedirectedUrl("/login?changed");

        assertThat(signsIn(username, temporary)).isFalse();
        var own = new org.springframework.mock.web.MockHttpSession();
        assertThat(mvc.post()
                        .uri("/login")
                        .session(own)
                        .param("username", username)
                        .param("password", "Mat-khau-cua-toi-2026")
                        .with(csrf()))
                .hasRedirectedUrl("/console");
        assertThat(mvc.get().uri("/console").session(own))
                .as("no longer sent to the password page")
                .hasStatusOk();
        assertThat(jdbc.sql("SELECT detail FROM audit.entries WHERE action = 'ACCOUNT_CHANGE' AND actor = ?")
                        .param(username)
                        .query(String.class)
                        .list())
                .containsExactly("PASSWORD_CHANGED: own password set");
    }

    @Test
    void aResetPasswordReplacesTheOldOneAtOnce() {
        String username = username("cb.reset.");
        String first = oneTimePassword(addOfficer(username, "COMMUNE_STAFF"));
        long officer = jdbc.sql("SELECT officer_id FROM accounts.officer_logins WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
        var reset = mvc.post()
                .uri("/admin/officers/{id}/password", officer)
                .param("unit", commune.code())
                .with(admin)
                .with(csrf())
                .exchange();
        assertThat(reset).hasStatus3xxRedirection();
        String second = oneTimePassword(reset);
        assertThat(second).isNotEqualTo(first);
        assertThat(signsIn(username, first)).isFalse();
        assertThat(signsIn(username, second)).isTrue();
    }

    @Test
    void anOfficerWhoLeavesCannotSignInAndTheirVillagesBecomeVacant() {
        String password = "Khu@vuc" + commune.code();
        jdbc.sql("UPDATE accounts.officer_logins SET password_hash = ? WHERE officer_id = ?")
                .params(
                        org.springframework.security.crypto.factory.PasswordEncoderFactories
                                .createDelegatingPasswordEncoder()
                                .encode(password),
                        commune.officerA())
                .update();
        assertThat(signsIn(commune.officerALogin(), password)).isTrue();
        var open = new org.springframework.mock.web.MockHttpSession();
        assertThat(mvc.post()
                        .uri("/login")
                        .session(open)
                        .param("username", commune.officerALogin())
                        .param("password", password)
                        .with(csrf()))
                .hasRedirectedUrl("/console");
        assertThat(mvc.get().uri("/console").session(open)).hasStatusOk();

        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/active", commune.officerA())
                        .param("active", "false")
                        .param("reason", "")
                        .param("unit", commune.code())
                        .with(admin)
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Cần ghi lý do");
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/active", commune.officerA())
                        .param("active", "false")
                        .param("reason", "Chuyển công tác về công an tỉnh")
                        .param("unit", commune.code())
                        .with(admin)
                        .with(csrf()))
                .hasStatus3xxRedirection();

        assertThat(signsIn(commune.officerALogin(), password)).isFalse();
        assertThat(mvc.get().uri("/console").session(open))
                .as("the session they had open ends too")
                .hasRedirectedUrl("/login?expired");
        assertThat(jdbc.sql("SELECT count(*) FROM directory.jurisdictions WHERE officer_id = ?")
                        .param(commune.officerA())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(mvc.get()
                        .uri("/console/areas")
                        .with(user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()))))
                .bodyText()
                .contains("Có 1 thôn, tổ dân phố chưa có cảnh sát khu vực phụ trách");
        assertThat(mvc.get().uri("/admin/officers?unit=" + commune.code()).with(admin))
                .bodyText()
                .contains("Cán bộ đã ngừng công tác", "Khu vực A " + commune.code());
        assertThat(jdbc.sql("SELECT detail FROM audit.entries WHERE action = 'ACCOUNT_CHANGE' AND subject = ?")
                        .param("officer:" + commune.officerA())
                        .query(String.class)
                        .list())
                .containsExactly("DEACTIVATED: Chuyển công tác về công an tỉnh; villages now vacant ["
                        + commune.villageA() + "]");

        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/active", commune.officerA())
                        .param("active", "true")
                        .param("reason", "Trở lại công tác")
                        .param("unit", commune.code())
                        .with(admin)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(signsIn(commune.officerALogin(), password)).isTrue();
    }

    @Test
    void refusalsAreInVietnameseNextToTheFieldAndChangeNothing() {
        String taken = username("trung.");
        oneTimePassword(addOfficer(taken, "COMMUNE_STAFF"));
        record Refusal(String username, String role, String sentence) {}
        for (var refusal : List.of(
                new Refusal("Nguyễn Văn", "COMMUNE_STAFF", "Tên đăng nhập gồm 3 đến 40 ký tự"),
                new Refusal(taken, "COMMUNE_STAFF", "Tên đăng nhập này đã có người dùng."),
                new Refusal(username("tinh."), "PROVINCE_COMMAND", "Vai trò này không phù hợp với đơn vị"))) {
            assertThat(addOfficer(refusal.username(), refusal.role()))
                    .hasStatus(422)
                    .bodyText()
                    .contains(refusal.sentence())
                    .contains("Nguyễn Văn Mới"); // what was typed is kept
        }
        assertThat(addOfficer(username("vai.tro."), "NOT_A_ROLE")).hasStatus(400);
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/password", adminId)
                        .param("unit", commune.code())
                        .with(admin)
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Không tự thay đổi tài khoản của chính mình");
        assertThat(mvc.post()
                        .uri("/admin/officers")
                        .param("unit", commune.code())
                        .param("fullName", "Ai đó")
                        .param("role", "COMMUNE_STAFF")
                        .param("username", username("chief.tries."))
                        .with(user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief())))
                        .with(csrf()))
                .as("only administrators reach /admin")
                .hasStatus(403);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM directory.officers o JOIN directory.police_units u"
                                        + " ON u.id = o.police_unit_id WHERE u.unit_code = ? AND o.full_name = 'Nguyễn Văn Mới'")
                        .param(commune.code())
                        .query(Long.class)
                        .single())
                .as("only the first, accepted officer was added")
                .isEqualTo(1);
    }
}
