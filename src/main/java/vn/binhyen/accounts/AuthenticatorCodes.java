package vn.binhyen.accounts;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The codes of an authenticator app (TOTP, RFC 6238, as Google Authenticator, Microsoft Authenticator and others make
 * them): HMAC-SHA1, six digits, every 30 seconds. A code is accepted for the step before and after the present one too,
 * since a phone's clock may be a little off and typing takes time.
 */
final class AuthenticatorCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int KEY_BYTES = 20;
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final String ISSUER = "BinhYen";

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);
    private final SecureRandom random = new SecureRandom();

    /** A new key for an officer's app: 160 bits, the size RFC 4226 recommends for HMAC-SHA1. */
    byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** What a six-digit code, typed with or without spaces, looks like; anything else may be a recovery code. */
    static boolean looksLikeCode(String typed) {
        return SIX_DIGITS.matcher(typed).matches();
    }

    /** The time step whose code this is, within one step of {@code now}; empty when it is no code of this key now. */
    OptionalLong stepOf(byte[] key, String code, Instant now) {
        if (!looksLikeCode(code)) {
            return OptionalLong.empty();
        }
        long present = now.getEpochSecond() / STEP.toSeconds();
        for (long step = present - 1; step <= present + 1; step++) {
            String expected = codeAt(key, step);
            // Compared in constant time: how long a comparison takes must not tell how many digits were right.
            if (MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code of a time step (for tests, and for the step check above). */
    String codeAt(byte[] key, long step) {
        try {
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(key, "RAW"), Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An authenticator key was refused", e);
        }
    }

    /** The key as apps take it typed in: Base32 without padding, in groups of four. */
    static String typedKey(byte[] key) {
        String base32 = new Base32().encodeToString(key).replace("=", "");
        return String.join(" ", base32.split("(?<=\\G.{4})"));
    }

    static byte[] keyOf(String typedKey) {
        return new Base32().decode(typedKey.replace(" ", ""));
    }

    /** The {@code otpauth://} address an app reads from the QR code: the key, and whose sign-in it is for. */
    static String appLink(String username, byte[] key) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8);
        return "otpauth://totp/" + label + "?secret=" + typedKey(key).replace(" ", "") + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    /**
     * The app link as a QR code, an SVG image in a {@code data:} address: drawn here, so the key never leaves the
     * server for a QR service, and the page needs no script (the content security policy allows {@code data:} images).
     */
    static String qrImage(String appLink) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(appLink, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("The app link does not fit a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
                        .formatted(matrix.getWidth(), matrix.getHeight())
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
