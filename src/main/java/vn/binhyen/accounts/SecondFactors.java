package vn.binhyen.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.OfficerAccountChanged.Change;
import vn.binhyen.shared.crypto.SecretBox;

/**
 * Officers' second factor: the codes of an authenticator app on their phone, asked after the password. A stolen or
 * guessed password alone then opens nothing, and informants' identities sit behind two things an officer has and knows.
 * {@code binhyen.accounts.second-factor}: {@code required} (production) sends an officer without an app to add one
 * before any console page; {@code optional} (the demo) lets each officer choose. An officer who added an app is always
 * asked for its code.
 *
 * <p>The app's key is sealed with the master key; a code is accepted once (the last step used is kept, on every node);
 * ten recovery codes, each good once, are shown when the app is added and kept only as hashes.
 */
@Service
public class SecondFactors {

    /** The authority a session gains with the second factor (Spring Security's factors are named FACTOR_*). */
    public static final String FACTOR = "FACTOR_TOTP";

    public static final int RECOVERY_CODES = 10;

    /** No 0/O, 1/I/L: copied from paper without mistakes. 32 letters, 10 of them: 50 bits a code. */
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /** Where a signed-in session stands with the second factor. */
    public enum Step {
        /** Passed, or not asked of this officer: the console is open. */
        DONE,
        /** The officer has an app: its code comes next. */
        CODE,
        /** Required, and the officer has no app yet: adding one comes next. */
        ADD_APP
    }

    /** What a code typed at sign-in turned out to be. */
    public enum Check {
        APP_CODE,
        RECOVERY_CODE,
        WRONG,
        /** Too many wrong passwords or codes: the sign-in is locked for a while (SignInLockout). */
        LOCKED
    }

    public record Status(boolean added, @Nullable Instant addedAt, int recoveryCodesLeft) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean required;
    private final AuthenticatorCodes codes = new AuthenticatorCodes();
    private final SecureRandom random = new SecureRandom();

    SecondFactors(
            JdbcClient jdbc,
            SecretBox box,
            Clock clock,
            ApplicationEventPublisher events,
            @Value("${binhyen.accounts.second-factor:required}") String policy) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
        this.events = events;
        this.required = switch (policy.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> true;
            case "optional" -> false;
            default ->
                throw new IllegalArgumentException(
                        "binhyen.accounts.second-factor must be 'required' or 'optional', not '" + policy + "'");
        };
    }

    public boolean required() {
        return required;
    }

    /** Where this session stands: the factor gained, an app to ask, or an app to add. */
    public Step stepOf(@Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInOfficer officer)) {
            return Step.DONE;
        }
        if (authentication.getAuthorities().stream().anyMatch(a -> FACTOR.equals(a.getAuthority()))) {
            return Step.DONE;
        }
        if (officer.hasSecondFactor()) {
            return Step.CODE;
        }
        return required ? Step.ADD_APP : Step.DONE;
    }

    /** A fresh key for an officer about to add an app; kept by the caller (the session) until the first code. */
    public byte[] newKey() {
        return codes.newKey();
    }

    public static String typedKey(byte[] key) {
        return AuthenticatorCodes.typedKey(key);
    }

    public static String qrImage(String username, byte[] key) {
        return AuthenticatorCodes.qrImage(AuthenticatorCodes.appLink(username, key));
    }

    /**
     * The officer adds an app: its first code proves the key reached it. Returns the recovery codes, to be shown once.
     */
    @Transactional
    public List<String> add(SignedInOfficer officer, byte[] key, String typedCode) {
        long step = codes.stepOf(key, normalized(typedCode), clock.instant())
                .orElseThrow(() -> new OfficerAccountException("code", "accounts.second-factor.wrong", "Wrong code"));
        int added = jdbc.sql("""
                        INSERT INTO accounts.second_factors (officer_id, key_sealed, last_time_step)
                        VALUES (:officer, :key, :step) ON CONFLICT (officer_id) DO NOTHING
                        """)
                .param("officer", officer.officerId())
                .param("key", box.seal(AuthenticatorCodes.typedKey(key), sealedFor(officer.officerId())))
                .param("step", step)
                .update();
        if (added == 0) {
            throw new OfficerAccountException("code", "accounts.second-factor.already", "An app was added already");
        }
        List<String> recovery = newRecoveryCodes(officer.officerId());
        published(officer, Change.SECOND_FACTOR_ADDED, "authenticator app added");
        return recovery;
    }

    /** A code typed after the password: the app's (each accepted once) or a recovery code (each good once). */
    @Transactional
    public Check check(SignedInOfficer officer, String typed) {
        boolean locked = jdbc.sql("SELECT coalesce(locked_until > now(), false) FROM accounts.officer_logins"
                        + " WHERE officer_id = ?")
                .param(officer.officerId())
                .query(Boolean.class)
                .optional()
                .orElse(true);
        if (locked) {
            return Check.LOCKED;
        }
        String code = normalized(typed);
        if (AuthenticatorCodes.looksLikeCode(code)) {
            return appCodeAccepted(officer.officerId(), code) ? Check.APP_CODE : Check.WRONG;
        }
        if (!recoveryCodeUsed(officer.officerId(), code)) {
            return Check.WRONG;
        }
        published(
                officer, Change.RECOVERY_CODE_USED, status(officer.officerId()).recoveryCodesLeft() + " left");
        return Check.RECOVERY_CODE;
    }

    /** Ten new recovery codes in place of the old ones (a code of the app, or a recovery code, confirms it). */
    @Transactional
    public List<String> renewRecoveryCodes(SignedInOfficer officer, String typed) {
        confirmed(officer, typed);
        jdbc.sql("DELETE FROM accounts.recovery_codes WHERE officer_id = ?")
                .param(officer.officerId())
                .update();
        List<String> recovery = newRecoveryCodes(officer.officerId());
        published(officer, Change.RECOVERY_CODES_RENEWED, "recovery codes renewed");
        return recovery;
    }

    /** The officer removes their app (a new phone): confirmed with a code; where required, they add one again. */
    @Transactional
    public void remove(SignedInOfficer officer, String typed) {
        confirmed(officer, typed);
        jdbc.sql("DELETE FROM accounts.second_factors WHERE officer_id = ?")
                .param(officer.officerId())
                .update();
        published(officer, Change.SECOND_FACTOR_REMOVED, "authenticator app removed by the officer");
    }

    @Transactional(readOnly = true)
    public Status status(long officerId) {
        record Row(Instant addedAt, int left) {}
        return jdbc.sql("""
                        SELECT f.added_at,
                               (SELECT count(*) FROM accounts.recovery_codes r
                                 WHERE r.officer_id = f.officer_id AND r.used_at IS NULL)::int AS left
                          FROM accounts.second_factors f WHERE f.officer_id = ?
                        """)
                .param(officerId)
                .query(Row.class)
                .optional()
                .map(row -> new Status(true, row.addedAt(), row.left()))
                .orElse(new Status(false, null, 0));
    }

    /** Which of these officers have added an app (the administrator's list of officers). */
    @Transactional(readOnly = true)
    public Set<Long> withApp(Collection<Long> officerIds) {
        if (officerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT officer_id FROM accounts.second_factors WHERE officer_id IN (:ids)")
                .param("ids", officerIds)
                .query(Long.class)
                .list());
    }

    private void confirmed(SignedInOfficer officer, String typed) {
        String code = normalized(typed);
        boolean right = AuthenticatorCodes.looksLikeCode(code)
                ? appCodeAccepted(officer.officerId(), code)
                : recoveryCodeUsed(officer.officerId(), code);
        if (!right) {
            throw new OfficerAccountException("code", "accounts.second-factor.wrong", "Wrong code");
        }
    }

    /**
     * The code belongs to the officer's key now, and its step is later than the last one accepted: moving the step on
     * in the same statement makes a second use of the code fail, on whichever node it is typed.
     */
    private boolean appCodeAccepted(long officerId, String code) {
        byte[] sealed = jdbc.sql("SELECT key_sealed FROM accounts.second_factors WHERE officer_id = ?")
                .param(officerId)
                .query(byte[].class)
                .optional()
                .orElse(null);
        if (sealed == null) {
            return false;
        }
        byte[] key = AuthenticatorCodes.keyOf(box.open(sealed, sealedFor(officerId)));
        OptionalLong step = codes.stepOf(key, code, clock.instant());
        return step.isPresent()
                && jdbc.sql("UPDATE accounts.second_factors SET last_time_step = ?"
                                        + " WHERE officer_id = ? AND last_time_step < ?")
                                .params(step.getAsLong(), officerId, step.getAsLong())
                                .update()
                        == 1;
    }

    /** An unused recovery code of the officer's, used now: the same statement makes it good only once. */
    private boolean recoveryCodeUsed(long officerId, String code) {
        return jdbc.sql("UPDATE accounts.recovery_codes SET used_at = now()"
                                + " WHERE officer_id = ? AND code_hash = ? AND used_at IS NULL")
                        .params(officerId, recoveryHash(officerId, code))
                        .update()
                == 1;
    }

    private List<String> newRecoveryCodes(long officerId) {
        List<String> made = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            made.add(code.toString());
            jdbc.sql("INSERT INTO accounts.recovery_codes (officer_id, code_hash) VALUES (?, ?)")
                    .params(officerId, recoveryHash(officerId, normalized(code.toString())))
                    .update();
        }
        return made;
    }

    /**
     * A recovery code carries 50 random bits, too many to try one by one, so a plain SHA-256 keeps it safe; bound to
     * the officer, the same code would hash differently for another.
     */
    private static String recoveryHash(long officerId, String normalizedCode) {
        return DigestUtils.sha256Hex(officerId + ":" + normalizedCode);
    }

    /** Spaces and dashes as people type them; recovery codes in any case. */
    private static String normalized(@Nullable String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String sealedFor(long officerId) {
        return "second-factor:" + officerId;
    }

    private void published(SignedInOfficer officer, Change change, String detail) {
        events.publishEvent(new OfficerAccountChanged(
                officer.getUsername(), officer.officerId(), officer.officerId(), change, detail));
    }
}
