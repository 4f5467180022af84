package vn.binhyen.accounts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/** The accounts API: an officer's scope, and creating sign-ins. */
@Service
public class Accounts {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    Accounts(JdbcClient jdbc, Directory directory, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.directory = directory;
        this.passwords = passwords;
    }

    /**
     * The officer's scope, read fresh on every call so that a jurisdiction change applies to the very next request
     * rather than at the next sign-in. At most one statement, so no transaction of its own: it runs on every request.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public AccessScope scopeOf(SignedInOfficer officer) {
        var villages = officer.role() == OfficerRole.AREA_OFFICER
                ? directory.villagesCoveredBy(officer.officerId())
                : java.util.Set.<Long>of();
        return new AccessScope(
                officer.officerId(), officer.role(), officer.unitCode(), officer.provinceCode(), villages);
    }

    /** Creates or replaces an officer's one sign-in; the password is stored only as a hash. */
    @Transactional
    public void createSignIn(String username, long officerId, String rawPassword) {
        jdbc.sql("DELETE FROM accounts.officer_logins WHERE officer_id = ? AND username <> ?")
                .params(officerId, username)
                .update();
        jdbc.sql("""
                        INSERT INTO accounts.officer_logins (username, officer_id, password_hash) VALUES (?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET officer_id = EXCLUDED.officer_id,
                            password_hash = EXCLUDED.password_hash
                        """).params(username, officerId, passwords.encode(rawPassword)).update();
    }

    @Transactional(readOnly = true)
    public boolean hasSignIns() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts.officer_logins)")
                .query(Boolean.class)
                .single();
    }

    /**
     * An administrator changes an officer's role, with a reason; the change and its audit entry commit together. The
     * officer's open sessions end on every node (a session carries the role it signed in with), so the new role applies
     * from the sign-in that follows. A province role needs a province unit, a commune role a
     * commune unit; nobody changes their own role.
     */
    @Transactional
    public OfficerRole changeRole(SignedInOfficer admin, long officerId, OfficerRole role, String reason) {
        if (admin.role() != OfficerRole.ADMINISTRATOR) {
            throw new RoleChangeException("accounts.role.not-allowed", "Only administrators change roles");
        }
        if (admin.officerId() == officerId) {
            throw new RoleChangeException("accounts.role.own", "Administrators do not change their own role");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new RoleChangeException("accounts.role.reason", "Role change needs a reason");
        }
        var officer = directory
                .officer(officerId)
                .orElseThrow(() -> new RoleChangeException("accounts.role.no-officer", "No such officer"));
        if (!OfficerAccounts.fits(officer.unitCode(), role)) {
            throw new RoleChangeException("accounts.role.wrong-unit", "Role does not fit the unit", officer.unitName());
        }
        if (officer.role() == role) {
            return role;
        }
        directory.changeRole(officerId, role);
        events.publishEvent(
                new OfficerRoleChanged(admin.getUsername(), admin.officerId(), officerId, officer.role(), role, why));
        return role;
    }
}
