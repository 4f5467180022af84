package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.IntegrationTest;

/**
 * Guessing an officer's password through the sign-in form: five wrong passwords in a row lock the sign-in, and then
 * even the right one is refused until the lock ends or an administrator resets the password (the admin page shows the
 * lock); a right password before that resets the count.
 */
@IntegrationTest
class SignInProtectionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.binhyen.directory.Directory directory;

    boolean signsIn(String username, String password) {
        return Fixtures.signsIn(mvc, username, password);
    }

    @Test
    void fiveWrongPasswordsInARowLockTheSignInEvenForTheRightOne() {
        var commune = Fixtures.commune(jdbc);
        String user = commune.chiefLogin();
        String right = "Dung@" + commune.code();
        jdbc.sql("UPDATE accounts.officer_logins SET password_hash = ? WHERE username = ?")
                .params(
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(right),
                        user)
                .update();

        for (int i = 0; i < 4; i++) {
            assertThat(signsIn(user, "sai-" + i)).isFalse();
        }
        assertThat(signsIn(user, right))
                .as("four wrong, then right: in, and the count starts again")
                .isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(signsIn(user, "sai-" + i)).isFalse();
        }
        assertThat(signsIn(user, right))
                .as("locked: the right password is refused too")
                .isFalse();
        assertThat(mvc.get().uri("/login?error"))
                .bodyText()
                .contains("Sau 5 lần sai liên tiếp, tài khoản tạm khóa 15 phút.");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE actor = ? AND action = 'SIGN_IN_FAILED'"
                                + " AND detail = 'LockedException'")
                        .param(user)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The administrator sees the lock; a reset password unlocks at once.
        long adminId = Fixtures.administrator(jdbc, commune);
        var admin = user(Fixtures.signedIn(directory, "qt" + commune.code(), adminId));
        assertThat(mvc.get().uri("/admin/officers?unit=" + commune.code()).with(admin))
                .bodyText()
                .contains("do nhập sai mật khẩu; đặt lại mật khẩu để mở.");
        var reset = mvc.post()
                .uri("/admin/officers/{id}/password", commune.chief())
                .param("unit", commune.code())
                .with(admin)
                .with(csrf())
                .exchange();
        java.util.regex.Matcher fresh = java.util.regex.Pattern.compile("password=([A-Za-z0-9]{14})")
                .matcher(String.valueOf(reset.getMvcResult().getFlashMap().get("password")));
        assertThat(fresh.find()).isTrue();
        assertThat(signsIn(user, fresh.group(1)))
                .as("the reset unlocked the sign-in")
                .isTrue();
        jdbc.sql(
                        "UPDATE accounts.officer_logins SET password_hash = ?, must_change_password = FALSE WHERE username = ?")
                .params(
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(right),
                        user)
                .update();
        for (int i = 0; i < 5; i++) {
            assertThat(signsIn(user, "sai-" + i)).isFalse();
        }
        assertThat(signsIn(user, right)).isFalse();

        // The lock ends (here: moved into the past): the right password gets in again.
        jdbc.sql("UPDATE accounts.officer_logins SET locked_until = now() - interval '1 second' WHERE username = ?")
                .param(user)
                .update();
        assertThat(signsIn(user, right)).isTrue();
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM accounts.officer_logins WHERE username = ?")
                        .param(user)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
