package vn.binhyen.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import vn.binhyen.audit.AuditEntry;

/**
 * The hash of an entry: SHA-256 over its id, time, fields and the previous entry's hash. Each field is written with
 * its length first, so no two different entries can produce the same input by moving a separator.
 */
public final class AuditHashing {

    public static final String GENESIS = "0".repeat(64);

    private AuditHashing() {}

    public static String hash(long id, Instant recordedAt, AuditEntry entry, String prevHash) {
        StringBuilder in = new StringBuilder();
        field(in, Long.toString(id));
        in.append(body(recordedAt, entry));
        field(in, prevHash);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(in.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The input of {@link #hash} between the id and the previous hash. The database appends an entry in one statement
     * (AuditStore.append) and only learns the id and the previous hash there: it writes those two fields around this
     * body ({@link #HASH_IN_SQL}), both ASCII, so the format has this one definition, here.
     */
    public static String body(Instant recordedAt, AuditEntry entry) {
        StringBuilder in = new StringBuilder();
        field(in, recordedAt.getEpochSecond() + "." + recordedAt.getNano());
        field(in, entry.actor());
        field(in, entry.officerId() == null ? null : entry.officerId().toString());
        field(in, entry.action().name());
        field(in, entry.subject());
        field(in, entry.detail());
        return in.toString();
    }

    /**
     * {@link #hash} in SQL, over an id {@code id}, a previous hash {@code prev} and a {@link #body} {@code :body}: the
     * lengths of an id's digits and of a 64-character hex hash are the same counted in UTF-16 (as Java does) or in
     * characters (as PostgreSQL does), and both encode the text as UTF-8.
     */
    public static final String HASH_IN_SQL =
            "encode(sha256(convert_to(length(id::text) || ':' || id || '|' || :body || '64:' || prev || '|', 'UTF8')),"
                    + " 'hex')";

    private static void field(StringBuilder in, @Nullable String value) {
        if (value == null) {
            in.append("-1:");
        } else {
            in.append(value.length()).append(':').append(value);
        }
        in.append('|');
    }
}
