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
        field(in, recordedAt.getEpochSecond() + "." + recordedAt.getNano());
        field(in, entry.actor());
        field(in, entry.officerId() == null ? null : entry.officerId().toString());
        field(in, entry.action().name());
        field(in, entry.subject());
        field(in, entry.detail());
        field(in, prevHash);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(in.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder in, @Nullable String value) {
        if (value == null) {
            in.append("-1:");
        } else {
            in.append(value.length()).append(':').append(value);
        }
        in.append('|');
    }
}
