package vn.binhyen.zalo.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.Directory;

/**
 * Links an officer to their own Zalo account on the commune's page. The officer asks for a code in the console and
 * sends it, from their own Zalo, to the page; the message carries their user id as the page knows it. A code lives
 * 15 minutes, is used once, and links only an officer of the page's commune. Codes are 8 characters from 31 (about
 * 10^12 possibilities, no 0/O or 1/I/L to misread): anyone may write to a page, and a guessed code would send an
 * officer's urgent alerts to the guesser.
 */
@Component
public class OfficerLinks {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 8;
    private static final Pattern CODE = Pattern.compile("(?i)\\s*BY-?([" + ALPHABET + "]{" + LENGTH + "})\\s*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    OfficerLinks(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    public record Link(String oaId, String userId, Instant linkedAt) {}

    public record Code(String code, Instant expiresAt) {}

    /** A fresh code for the officer; an earlier one stops working. */
    public Code newCode(long officerId) {
        Instant expires = clock.instant().plus(CODE_LIFETIME);
        for (int attempt = 1; ; attempt++) {
            String code = "BY-" + randomCode();
            try {
                jdbc.sql("""
                                INSERT INTO zalo.officer_link_codes (code, officer_id, expires_at) VALUES (?, ?, ?)
                                ON CONFLICT (officer_id) DO UPDATE
                                   SET code = EXCLUDED.code, expires_at = EXCLUDED.expires_at
                                """).params(code, officerId, Timestamp.from(expires)).update();
                return new Code(code, expires);
            } catch (DuplicateKeyException e) {
                // Another officer holds this code right now: draw again.
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * A text a follower sent to the page: when it is a live code of an officer of the page's commune, that follower
     * is the officer's Zalo account.
     *
     * @return the linked officer's id, or empty when the text is no such code
     */
    public Optional<Long> linkByCode(String oaId, String communeCode, String userId, String text) {
        var matcher = CODE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String code = "BY-" + matcher.group(1).toUpperCase(java.util.Locale.ROOT);
        Optional<Long> officerId = jdbc.sql("""
                        DELETE FROM zalo.officer_link_codes WHERE code = ? AND expires_at > ? RETURNING officer_id
                        """)
                .params(code, Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (officerId.isEmpty()
                || directory
                        .officer(officerId.get())
                        .filter(o -> o.unitCode().equals(communeCode))
                        .isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("DELETE FROM zalo.officer_links WHERE oa_id = ? AND user_id = ?")
                .params(oaId, userId)
                .update();
        jdbc.sql("""
                        INSERT INTO zalo.officer_links (officer_id, oa_id, user_id, linked_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (officer_id) DO UPDATE SET oa_id = EXCLUDED.oa_id, user_id = EXCLUDED.user_id,
                            linked_at = EXCLUDED.linked_at
                        """)
                .params(officerId.get(), oaId, userId, Timestamp.from(clock.instant()))
                .update();
        return officerId;
    }

    private static String randomCode() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public Optional<Link> linkOf(long officerId) {
        return jdbc.sql("SELECT oa_id, user_id, linked_at FROM zalo.officer_links WHERE officer_id = ?")
                .param(officerId)
                .query(Link.class)
                .optional();
    }

    public void unlink(long officerId) {
        jdbc.sql("DELETE FROM zalo.officer_links WHERE officer_id = ?")
                .param(officerId)
                .update();
        jdbc.sql("DELETE FROM zalo.officer_link_codes WHERE officer_id = ?")
                .param(officerId)
                .update();
    }
}
