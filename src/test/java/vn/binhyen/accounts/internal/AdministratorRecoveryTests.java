package vn.binhyen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import vn.binhyen.accounts.internal.AdministratorRecovery.Outcome;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * The recovery command's work on a real database: an administrator locked out, disabled and deactivated gets the
 * password the operator gave, signs in with it and must choose their own; the change is audited and ends the old
 * sessions. It refuses a short password, an unknown sign-in and any sign-in but an administrator's, changing nothing.
 */
@IntegrationTest
class AdministratorRecoveryTests {

    static final String NEW_PASSWORD = "Khoi-phuc-2026!";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Environment environment;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MockMvcTester mvc;

    TestCommune commune;
    String adminLogin;
    long adminId;

    @BeforeEach
    void lockedOutAdministrator() {
        commune = Fixtures.commune(jdbc);
        adminId = Fixtures.administrator(jdbc, commune);
        adminLogin = "qt" + commune.code();
        jdbc.sql("""
                        INSERT INTO accounts.officer_logins (username, officer_id, password_hash, enabled,
                                                             failed_sign_ins, locked_until)
                        VALUES (?, ?, 'forgotten', FALSE, 5, now() + interval '15 minutes')
                        """).params(adminLogin, adminId).update();
        directory.setActive(adminId, false);
    }

    Outcome recover(String username, String password) {
        return new AdministratorRecovery(jdbc, directory, passwords, events, environment, context, transactions)
                .recover(username, password);
    }

    String passwordHashOf(long officerId) {
        return jdbc.sql("SELECT password_hash FROM accounts.officer_logins WHERE officer_id = ?")
                .param(officerId)
                .query(String.class)
                .single();
    }

    @Test
    void aLockedOutAdministratorSignsInWithThePasswordGivenAndMustThenChooseTheirOwn() {
        int epoch = jdbc.sql("SELECT session_epoch FROM accounts.officer_logins WHERE username = ?")
                .param(adminLogin)
                .query(Integer.class)
                .single();

        assertThat(recover(" QT" + commune.code() + " ", NEW_PASSWORD)).isEqualTo(Outcome.RECOVERED);

        assertThat(Fixtures.signsIn(mvc, adminLogin, NEW_PASSWORD)).isTrue();
        assertThat(jdbc.sql("""
                        SELECT must_change_password AND enabled AND failed_sign_ins = 0 AND locked_until IS NULL
                               AND session_epoch = ?
                          FROM accounts.officer_logins WHERE username = ?
                        """)
                        .params(epoch + 1, adminLogin)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(passwordHashOf(adminId)).doesNotContain(NEW_PASSWORD);
        assertThat(jdbc.sql("SELECT active FROM directory.officers WHERE id = ?")
                        .param(adminId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT actor || ' ' || detail FROM audit.entries WHERE subject = ? ORDER BY id")
                        .param("officer:" + adminId)
                        .query(String.class)
                        .list())
                .as("the recovery, then the sign-in with the password given")
                .first()
                .isEqualTo("system PASSWORD_RESET: recovered from the command line");
    }

    @Test
    void itRefusesAShortPasswordAnUnknownSignInAndOfficersWhoAreNotAdministrators() {
        String areaOfficerHash = passwordHashOf(commune.officerA());

        assertThat(recover(adminLogin, "ngan-qua")).isEqualTo(Outcome.PASSWORD_TOO_SHORT);
        assertThat(recover("khong.ai." + commune.code(), NEW_PASSWORD)).isEqualTo(Outcome.NO_SUCH_SIGN_IN);
        assertThat(recover(commune.officerALogin(), NEW_PASSWORD)).isEqualTo(Outcome.NOT_AN_ADMINISTRATOR);

        assertThat(passwordHashOf(commune.officerA())).isEqualTo(areaOfficerHash);
        assertThat(passwordHashOf(adminId)).isEqualTo("forgotten");
        assertThat(Fixtures.signsIn(mvc, commune.officerALogin(), NEW_PASSWORD)).isFalse();
    }
}
