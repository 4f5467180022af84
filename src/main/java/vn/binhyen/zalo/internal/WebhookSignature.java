package vn.binhyen.zalo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Zalo's {@code X-ZEvent-Signature}: plain SHA-256 (not HMAC) over app id, the raw body bytes exactly as received,
 * the body's {@code timestamp} string and the OA secret key, hex-encoded, usually prefixed with {@code mac=}.
 * Hashing re-serialised JSON is the classic mistake, so this takes bytes.
 */
public final class WebhookSignature {

    private static final Pattern MAC_PREFIX = Pattern.compile("^mac\\s*=\\s*", Pattern.CASE_INSENSITIVE);

    private WebhookSignature() {}

    public static String compute(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(appId.getBytes(StandardCharsets.UTF_8));
            sha256.update(rawBody);
            sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha256.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a header value (with or without "mac=") against the expected hex digest. */
    public static boolean matches(@Nullable String header, String expectedHex) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String presented = MAC_PREFIX.matcher(header.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.US_ASCII), expectedHex.getBytes(StandardCharsets.US_ASCII));
    }
}
