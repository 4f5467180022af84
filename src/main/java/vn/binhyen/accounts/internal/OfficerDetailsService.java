package vn.binhyen.accounts.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.SignedInOfficers;
import vn.binhyen.directory.Directory;

/** Loads an officer's sign-in and who they are in the directory. */
@Component
class OfficerDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Directory directory;

    OfficerDetailsService(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Login(
                String username,
                long officerId,
                String passwordHash,
                boolean enabled,
                boolean locked,
                boolean mustChangePassword,
                int sessionEpoch,
                boolean secondFactor) {}
        Login login = jdbc.sql("SELECT username, officer_id, password_hash, enabled,"
                        + " coalesce(locked_until > now(), false) AS locked, must_change_password, session_epoch,"
                        + " EXISTS (SELECT 1 FROM accounts.second_factors f WHERE f.officer_id = l.officer_id)"
                        + " AS second_factor"
                        + " FROM accounts.officer_logins l"
                        + " WHERE username = ?")
                .param(username.strip().toLowerCase(java.util.Locale.ROOT))
                .query(Login.class)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such officer"));
        var officer = directory
                .officer(login.officerId())
                .orElseThrow(() -> new UsernameNotFoundException("Officer record missing"));
        return SignedInOfficers.of(
                login.username(),
                login.passwordHash(),
                officer,
                login.enabled(),
                login.locked(),
                login.mustChangePassword(),
                login.sessionEpoch(),
                login.secondFactor());
    }
}
