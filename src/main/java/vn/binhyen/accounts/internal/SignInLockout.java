package vn.binhyen.accounts.internal;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.SecondFactors;
import vn.binhyen.accounts.SignedInOfficer;

/**
 * Repeated wrong passwords, or wrong codes of the second factor, lock a sign-in for a while
 * ({@code binhyen.accounts.lockout.*}: 5 in a row, 15 minutes), so that neither can be guessed at the speed of a form. The count is in the database, so it holds
 * across nodes; a right password resets it. While locked, even the right password is refused, before it is checked.
 */
@Component
class SignInLockout {

    private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);

    private final JdbcClient jdbc;
    private final SecondFactors secondFactors;
    private final int failures;
    private final Duration lockFor;

    SignInLockout(
            JdbcClient jdbc,
            SecondFactors secondFactors,
            @Value("${binhyen.accounts.lockout.failures:5}") int failures,
            @Value("${binhyen.accounts.lockout.duration:PT15M}") Duration lockFor) {
        this.jdbc = jdbc;
        this.secondFactors = secondFactors;
        this.failures = failures;
        this.lockFor = lockFor;
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        String username =
                String.valueOf(event.getAuthentication().getName()).strip().toLowerCase(Locale.ROOT);
        Boolean locked = jdbc.sql("""
                        UPDATE accounts.officer_logins
                           SET failed_sign_ins = failed_sign_ins + 1,
                               locked_until = CASE WHEN failed_sign_ins + 1 >= :failures
                                                   THEN now() + make_interval(secs => :seconds) END
                         WHERE username = :username
                        RETURNING locked_until IS NOT NULL
                        """)
                .param("failures", failures)
                .param("seconds", (double) lockFor.toSeconds())
                .param("username", username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (locked) {
            log.warn("Sign-in locked for {} after {} wrong passwords", lockFor, failures);
        }
    }

    /**
     * A sign-in complete with both factors clears the count. The password alone does not, where the app's code comes
     * next: otherwise signing in again would start the guessing of codes over every few tries.
     */
    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInOfficer officer
                && secondFactors.stepOf(event.getAuthentication()) != SecondFactors.Step.CODE) {
            jdbc.sql("""
                            UPDATE accounts.officer_logins SET failed_sign_ins = 0, locked_until = NULL
                             WHERE username = ? AND (failed_sign_ins > 0 OR locked_until IS NOT NULL)
                            """).param(officer.getUsername()).update();
        }
    }
}
