package vn.binhyen.accounts.internal;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.accounts.OfficerAccountChanged;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/**
 * The command that lets the people who run an installation back in when no administrator can sign in (the only one
 * forgot the password, was locked out or deactivated): {@code java -jar binhyen.jar
 * --binhyen.accounts.recover-admin=<sign-in>} with the new password in {@code BINHYEN_ACCOUNTS_RECOVER_PASSWORD} (12
 * characters or more; an environment variable, since a command line shows in the process list). The administrator's
 * sign-in gets that password, is unlocked and enabled, the officer active again; their sessions end everywhere, the
 * audit log records it, and at the next sign-in they must choose a password of their own. Then the command exits: 0
 * done, 2 refused (no such sign-in, not an administrator's, password too short). Other officers' passwords are reset by
 * an administrator at {@code /admin/officers}. The password is never logged.
 */
@Component
@Order(200) // after every start-up task: it changes what they set up, then exits
@ConditionalOnProperty("binhyen.accounts.recover-admin")
class AdministratorRecovery implements ApplicationRunner {

    enum Outcome {
        RECOVERED,
        NO_SUCH_SIGN_IN,
        NOT_AN_ADMINISTRATOR,
        PASSWORD_TOO_SHORT
    }

    private static final Logger log = LoggerFactory.getLogger(AdministratorRecovery.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final ConfigurableApplicationContext context;
    private final TransactionTemplate transaction;

    AdministratorRecovery(
            JdbcClient jdbc,
            Directory directory,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Environment environment,
            ConfigurableApplicationContext context,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.passwords = passwords;
        this.events = events;
        this.environment = environment;
        this.context = context;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = environment.getRequiredProperty("binhyen.accounts.recover-admin");
        Outcome outcome = recover(username, environment.getProperty("binhyen.accounts.recover-password", ""));
        if (outcome == Outcome.RECOVERED) {
            log.warn(
                    "ADMINISTRATOR RECOVERED: '{}' may sign in with the password given and must then choose one",
                    username);
        } else {
            log.error(
                    "ADMINISTRATOR NOT RECOVERED: '{}': {}",
                    username,
                    switch (outcome) {
                        case NO_SUCH_SIGN_IN -> "no such sign-in";
                        case NOT_AN_ADMINISTRATOR ->
                            "not an administrator's sign-in; an administrator resets it at /admin/officers";
                        default ->
                            "BINHYEN_ACCOUNTS_RECOVER_PASSWORD needs " + FirstAdministrator.MIN_PASSWORD
                                    + " characters or more";
                    });
        }
        int code = outcome == Outcome.RECOVERED ? 0 : 2;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** In one transaction of its own (the runner calls it directly, so an annotation would not apply). */
    Outcome recover(String typedUsername, String password) {
        return transaction.execute(status -> recoverInTransaction(typedUsername, password));
    }

    private Outcome recoverInTransaction(String typedUsername, String password) {
        if (password.length() < FirstAdministrator.MIN_PASSWORD) {
            return Outcome.PASSWORD_TOO_SHORT;
        }
        String username = typedUsername.strip().toLowerCase(Locale.ROOT);
        var officerId = jdbc.sql("SELECT officer_id FROM accounts.officer_logins WHERE username = ? FOR UPDATE")
                .param(username)
                .query(Long.class)
                .optional();
        if (officerId.isEmpty()) {
            return Outcome.NO_SUCH_SIGN_IN;
        }
        long id = officerId.get();
        if (directory
                .officer(id)
                .map(o -> o.role() != OfficerRole.ADMINISTRATOR)
                .orElse(true)) {
            return Outcome.NOT_AN_ADMINISTRATOR;
        }
        jdbc.sql("""
                        UPDATE accounts.officer_logins
                           SET password_hash = ?, enabled = TRUE, failed_sign_ins = 0, locked_until = NULL,
                               must_change_password = TRUE
                         WHERE username = ?
                        """).params(passwords.encode(password), username).update();
        // The administrator may have lost the phone with their app: they add one again when they sign in.
        int appRemoved = jdbc.sql("DELETE FROM accounts.second_factors WHERE officer_id = ?")
                .param(id)
                .update();
        directory.setActive(id, true);
        // Ends the sessions anyone has open with the lost sign-in, on every node (OfficerSessions), and is audited.
        events.publishEvent(new OfficerAccountChanged(
                "system",
                id,
                id,
                OfficerAccountChanged.Change.PASSWORD_RESET,
                "recovered from the command line" + (appRemoved > 0 ? ", authenticator app removed" : "")));
        return Outcome.RECOVERED;
    }
}
