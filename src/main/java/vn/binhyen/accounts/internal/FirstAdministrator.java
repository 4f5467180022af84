package vn.binhyen.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.OfficerAccountChanged;
import vn.binhyen.accounts.OfficerAccounts;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/**
 * The first administrator of a new installation, which has no sign-in at all:
 * {@code BINHYEN_ACCOUNTS_FIRST_ADMIN_USERNAME}, {@code _PASSWORD} (12 characters or more) and {@code _UNIT} (the
 * province code whose command the administrator belongs to, after the unit list is imported). Created when the
 * installation has no sign-in at all; ignored after that, so it is safe to leave set. The password is never logged.
 */
@Component
@Order(6)
@ConditionalOnProperty("binhyen.accounts.first-admin.username")
class FirstAdministrator implements ApplicationRunner {

    static final int MIN_PASSWORD = 12;

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Directory directory;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Environment environment;

    FirstAdministrator(
            Directory directory,
            Accounts accounts,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Environment environment) {
        this.directory = directory;
        this.accounts = accounts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = environment
                .getRequiredProperty("binhyen.accounts.first-admin.username")
                .strip()
                .toLowerCase(java.util.Locale.ROOT);
        String password = environment.getProperty("binhyen.accounts.first-admin.password", "");
        String unit =
                environment.getProperty("binhyen.accounts.first-admin.unit", "").strip();
        String name = environment.getProperty("binhyen.accounts.first-admin.name", "Quản trị hệ thống");
        transaction.executeWithoutResult(status -> {
            if (accounts.hasSignIns()) {
                log.info("First administrator: the installation has sign-ins already; nothing to do");
                return;
            }
            if (!OfficerAccounts.isUsername(username)) {
                throw new IllegalStateException("binhyen.accounts.first-admin.username: 3-40 characters a-z 0-9 . _ -");
            }
            if (password.length() < MIN_PASSWORD) {
                throw new IllegalStateException(
                        "binhyen.accounts.first-admin.password: " + MIN_PASSWORD + " characters or more");
            }
            long officerId = directory
                    .addOfficer(unit, name, null, OfficerRole.ADMINISTRATOR, null)
                    .orElseThrow(() -> new IllegalStateException("binhyen.accounts.first-admin.unit: no police unit '"
                            + unit + "'; import the unit list first (binhyen.directory.import-file)"));
            accounts.createSignIn(username, officerId, password);
            events.publishEvent(new OfficerAccountChanged(
                    "system",
                    officerId,
                    officerId,
                    OfficerAccountChanged.Change.ADDED,
                    "first administrator, unit %s, sign-in %s".formatted(unit, username)));
            log.info("First administrator '{}' created in unit {}", username, unit);
        });
    }
}
