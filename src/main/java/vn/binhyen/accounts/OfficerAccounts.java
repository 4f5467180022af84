package vn.binhyen.accounts;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.OfficerAccountChanged.Change;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;

/**
 * An administrator's officer accounts: adding an officer to a unit with a sign-in, resetting a password, deactivating
 * an officer who leaves and reactivating one who returns. Passwords are generated here, shown once to the administrator
 * to hand over, and stored only as a hash; every change publishes an {@link OfficerAccountChanged} for the audit log.
 */
@Service
public class OfficerAccounts {

    /** Sign-in names: lowercase letters, digits, dots, dashes and underscores, as the demo's "ksv1.buonmathuot". */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    /** No 0/O, 1/l/I: read aloud or copied from a screen without mistakes. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private static final int PASSWORD_LENGTH = 14;

    /** An officer's own password: long enough to resist guessing at the sign-in form's pace. */
    public static final int MIN_OWN_PASSWORD = 10;

    /** An officer added, and the one-time password to hand them. */
    public record Added(long officerId, String username, String password) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    OfficerAccounts(
            JdbcClient jdbc,
            Directory directory,
            Accounts accounts,
            PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
    }

    /** The sign-in names of these officers, by officer id (an officer without a sign-in is absent). */
    @Transactional(readOnly = true)
    public Map<Long, String> usernames(Collection<Long> officerIds) {
        if (officerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT officer_id, username FROM accounts.officer_logins WHERE officer_id IN (:ids)")
                .param("ids", officerIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The sign-ins among these officers that wrong passwords have locked now, by officer id, with the lock's end. */
    @Transactional(readOnly = true)
    public Map<Long, java.time.Instant> lockedNow(Collection<Long> officerIds) {
        if (officerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        SELECT officer_id, locked_until FROM accounts.officer_logins
                         WHERE officer_id IN (:ids) AND locked_until > now()
                        """)
                .param("ids", officerIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional
    public Added add(SignedInOfficer admin, NewOfficer form) {
        requireAdministrator(admin);
        String name = form.fullName() == null ? "" : form.fullName().strip();
        if (name.length() < 2 || name.length() > 200) {
            throw new OfficerAccountException("fullName", "accounts.officer.name", "Name missing or too long");
        }
        OfficerRole role = form.role();
        if (role == null) {
            throw new OfficerAccountException("role", "accounts.officer.role", "No role chosen");
        }
        if (!fits(form.unitCode(), role)) {
            throw new OfficerAccountException(
                    "role", "accounts.role.wrong-unit", "Role does not fit the unit", form.unitCode());
        }
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(Locale.ROOT);
        if (!isUsername(username)) {
            throw new OfficerAccountException("username", "accounts.officer.username", "Malformed sign-in name");
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts.officer_logins WHERE username = ?)")
                .param(username)
                .query(Boolean.class)
                .single()) {
            throw new OfficerAccountException("username", "accounts.officer.username-taken", "Sign-in name taken");
        }
        long officerId = directory
                .addOfficer(form.unitCode(), name, blankToNull(form.rank()), role, blankToNull(form.phone()))
                .orElseThrow(() -> new OfficerAccountException(
                        "unit", "accounts.officer.no-unit", "No police unit " + form.unitCode()));
        String password = generatePassword();
        accounts.createSignIn(username, officerId, password);
        mustChange(officerId);
        events.publishEvent(new OfficerAccountChanged(
                admin.getUsername(),
                admin.officerId(),
                officerId,
                Change.ADDED,
                "%s, %s, unit %s, sign-in %s".formatted(name, role, form.unitCode(), username)));
        return new Added(officerId, username, password);
    }

    /** A new one-time password for an officer's sign-in; the old one stops working at once. */
    @Transactional
    public String resetPassword(SignedInOfficer admin, long officerId) {
        requireAdministrator(admin);
        notOwn(admin, officerId);
        String password = generatePassword();
        // A reset is also how an officer locked out by wrong passwords gets back in: the lock goes with the old
        // password.
        int updated = jdbc.sql("UPDATE accounts.officer_logins SET password_hash = ?, must_change_password = TRUE,"
                        + " failed_sign_ins = 0, locked_until = NULL WHERE officer_id = ?")
                .params(passwords.encode(password), officerId)
                .update();
        if (updated == 0) {
            throw new OfficerAccountException("officer", "accounts.officer.no-sign-in", "No sign-in to reset");
        }
        events.publishEvent(new OfficerAccountChanged(
                admin.getUsername(), admin.officerId(), officerId, Change.PASSWORD_RESET, "password reset"));
        return password;
    }

    /**
     * An officer lost the phone with their authenticator app: the administrator removes the app, with the reason, and
     * the officer's sessions end everywhere (whoever has the phone may be signed in). The officer adds a new app at the
     * next sign-in where it is required.
     */
    @Transactional
    public void resetSecondFactor(SignedInOfficer admin, long officerId, String reason) {
        requireAdministrator(admin);
        notOwn(admin, officerId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new OfficerAccountException("reason", "accounts.role.reason", "Change needs a reason");
        }
        int removed = jdbc.sql("DELETE FROM accounts.second_factors WHERE officer_id = ?")
                .param(officerId)
                .update();
        if (removed == 0) {
            throw new OfficerAccountException("officer", "accounts.second-factor.none", "No app to remove");
        }
        events.publishEvent(new OfficerAccountChanged(
                admin.getUsername(), admin.officerId(), officerId, Change.SECOND_FACTOR_RESET, why));
    }

    /**
     * The officer sets their own password: the current one must match, the new one has {@link #MIN_OWN_PASSWORD}
     * characters or more and differs from the current one and from the sign-in name.
     */
    @Transactional
    public void changeOwnPassword(SignedInOfficer officer, String current, String chosen, String repeated) {
        String hash = jdbc.sql("SELECT password_hash FROM accounts.officer_logins WHERE officer_id = ?")
                .param(officer.officerId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new OfficerAccountException("current", "accounts.officer.no-sign-in", "No sign-in"));
        if (current == null || !passwords.matches(current, hash)) {
            throw new OfficerAccountException("current", "accounts.password.current", "Current password wrong");
        }
        if (chosen == null || chosen.length() < MIN_OWN_PASSWORD || chosen.length() > 200) {
            throw new OfficerAccountException(
                    "chosen", "accounts.password.short", "New password too short", MIN_OWN_PASSWORD);
        }
        if (chosen.equals(current) || chosen.equalsIgnoreCase(officer.getUsername())) {
            throw new OfficerAccountException("chosen", "accounts.password.same", "New password not new");
        }
        if (!chosen.equals(repeated)) {
            throw new OfficerAccountException("repeated", "accounts.password.repeat", "Repetition differs");
        }
        jdbc.sql("UPDATE accounts.officer_logins SET password_hash = ?, must_change_password = FALSE"
                        + " WHERE officer_id = ?")
                .params(passwords.encode(chosen), officer.officerId())
                .update();
        events.publishEvent(new OfficerAccountChanged(
                officer.getUsername(),
                officer.officerId(),
                officer.officerId(),
                Change.PASSWORD_CHANGED,
                "own password set"));
    }

    /**
     * An officer leaves (or returns): their sign-in is disabled (or enabled) and, when they leave, the villages they
     * covered become vacant. Their tips, notes and history stay theirs.
     */
    @Transactional
    public void setActive(SignedInOfficer admin, long officerId, boolean active, String reason) {
        requireAdministrator(admin);
        notOwn(admin, officerId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new OfficerAccountException("reason", "accounts.role.reason", "Change needs a reason");
        }
        OfficerView officer = directory
                .officer(officerId)
                .orElseThrow(() -> new OfficerAccountException("officer", "accounts.role.no-officer", "No officer"));
        List<Long> vacated = directory.setActive(officer.id(), active);
        jdbc.sql("UPDATE accounts.officer_logins SET enabled = ? WHERE officer_id = ?")
                .params(active, officerId)
                .update();
        events.publishEvent(new OfficerAccountChanged(
                admin.getUsername(),
                admin.officerId(),
                officerId,
                active ? Change.REACTIVATED : Change.DEACTIVATED,
                why + (vacated.isEmpty() ? "" : "; villages now vacant " + vacated)));
    }

    /** A well-formed sign-in name (lowercase already): the rule for every account, the first administrator's too. */
    public static boolean isUsername(String username) {
        return USERNAME.matcher(username).matches();
    }

    /** A province role needs the province command's unit, a commune role a commune's unit. */
    static boolean fits(String unitCode, OfficerRole role) {
        boolean provinceUnit = unitCode.length() <= 2;
        return switch (role) {
            case PROVINCE_COMMAND -> provinceUnit;
            case AREA_OFFICER, COMMUNE_STAFF, COMMUNE_CHIEF -> !provinceUnit;
            case ADMINISTRATOR -> true;
        };
    }

    String generatePassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void mustChange(long officerId) {
        jdbc.sql("UPDATE accounts.officer_logins SET must_change_password = TRUE WHERE officer_id = ?")
                .param(officerId)
                .update();
    }

    private static void requireAdministrator(SignedInOfficer admin) {
        if (admin.role() != OfficerRole.ADMINISTRATOR) {
            throw new OfficerAccountException(
                    "officer", "accounts.officer.not-allowed", "Only administrators manage accounts");
        }
    }

    private static void notOwn(SignedInOfficer admin, long officerId) {
        if (admin.officerId() == officerId) {
            throw new OfficerAccountException("officer", "accounts.officer.own", "Not one's own account");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
