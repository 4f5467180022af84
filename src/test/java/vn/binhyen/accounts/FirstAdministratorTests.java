package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A new installation (its own fresh database, no demo) starts with the national unit list and the first administrator
 * from the environment, and only once; the password is kept as a hash and never logged.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "binhyen.directory.import-file=../shared/data/vn-units/vn-units-2026-07-25.json",
            "binhyen.accounts.first-admin.username=QuanTri.DakLak",
            "binhyen.accounts.first-admin.password=" + FirstAdministratorTests.PASSWORD,
            "binhyen.accounts.first-admin.unit=66",
            "binhyen.accounts.first-admin.name=Đại úy Quản Trị"
        })
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

    static final String PASSWORD = "Mot-mat-khau-dai-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationContext context;

    @Test
    void theFirstAdministratorIsCreatedOnceFromTheEnvironment(CapturedOutput output) throws Exception {
        var admins = jdbc.sql("""
                        SELECT l.username, l.password_hash, o.full_name, o.role, u.unit_code
                          FROM accounts.officer_logins l
                          JOIN directory.officers o ON o.id = l.officer_id
                          JOIN directory.police_units u ON u.id = o.police_unit_id
                        """)
                .query((rs, n) -> new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                })
                .list();
        assertThat(admins).hasSize(1);
        String[] admin = admins.getFirst();
        assertThat(admin[0]).isEqualTo("quantri.daklak");
        assertThat(passwords.matches(PASSWORD, admin[1])).isTrue();
        assertThat(admin[1]).doesNotContain(PASSWORD);
        assertThat(admin).endsWith("Đại úy Quản Trị", "ADMINISTRATOR", "66");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE action = 'ACCOUNT_CHANGE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Left set in the environment, the next start does nothing.
        context.getBean("firstAdministrator", ApplicationRunner.class).run(new DefaultApplicationArguments());
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.officer_logins")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(output.getAll())
                .contains("First administrator 'quantri.daklak' created")
                .doesNotContain(PASSWORD);
    }
}
