package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.support.Fixtures;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class AccountsModuleTests {

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService officers;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesOnlyAHashOfThePassword() {
        var commune = Fixtures.commune(jdbc);
        accounts.createSignIn("moi." + commune.code(), commune.staff(), "Mat-khau-2026");
        String stored = jdbc.sql("SELECT password_hash FROM accounts.officer_logins WHERE username = ?")
                .param("moi." + commune.code())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("Mat-khau-2026").startsWith("{bcrypt}");
        assertThat(passwords.matches("Mat-khau-2026", stored)).isTrue();
    }

    @Test
    void signInKnowsTheOfficersUnitAndRole() {
        var commune = Fixtures.commune(jdbc);
        var officer = (SignedInOfficer) officers.loadUserByUsername(commune.officerALogin());
        assertThat(officer.role()).isEqualTo(OfficerRole.AREA_OFFICER);
        assertThat(officer.unitCode()).isEqualTo(commune.code());
        assertThat(officer.getAuthorities()).extracting(Object::toString).contains("ROLE_AREA_OFFICER", "ROLE_OFFICER");
        assertThatThrownBy(() -> officers.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void aJurisdictionChangeAppliesToTheNextRequest() {
        var commune = Fixtures.commune(jdbc);
        var officer = (SignedInOfficer) officers.loadUserByUsername(commune.officerALogin());
        assertThat(accounts.scopeOf(officer).villageIds()).containsExactly(commune.villageA());
        jdbc.sql("INSERT INTO directory.jurisdictions (officer_id, village_id) VALUES (?, ?)")
                .params(commune.officerA(), commune.villageB())
                .update();
        assertThat(accounts.scopeOf(officer).villageIds())
                .containsExactlyInAnyOrder(commune.villageA(), commune.villageB());
    }
}
