package vn.binhyen.reports.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Tip codes and secrets, like P3 Tips: the code names the tip, the secret proves the holder sent it. Both use an
 * alphabet without look-alikes (no 0/O, 1/I/L, U) so they survive being read aloud or copied from a phone. The secret
 * has 80 random bits, so a plain SHA-256 of it is a safe stored form; it is never stored in clear.
 */
public final class TipCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom random = new SecureRandom();

    private TipCodes() {}

    /** For example {@code TB-7K3M-Q9TX}. */
    public static String newCode() {
        return "TB-" + group(4) + "-" + group(4);
    }

    /** For example {@code HX4R-9PQM-T2KD-W7NB} (about 78 bits). */
    public static String newSecret() {
        return group(4) + "-" + group(4) + "-" + group(4) + "-" + group(4);
    }

    /** Accepts what a person types: lower case, spaces or no dashes. */
    public static String normalizeCode(String typed) {
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        if (compact.startsWith("TB")) {
            compact = compact.substring(2);
        }
        if (compact.length() != 8) {
            return "";
        }
        return "TB-" + compact.substring(0, 4) + "-" + compact.substring(4);
    }

    public static String hashSecret(String secret) {
        String compact = secret.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(compact.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time, so the time taken says nothing about how much of a guess was right. */
    public static boolean secretMatches(String typedSecret, String storedHash) {
        return MessageDigest.isEqual(
                hashSecret(typedSecret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String group(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
