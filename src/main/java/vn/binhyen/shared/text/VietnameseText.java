package vn.binhyen.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text the way residents type it into one searchable form: lower case, no diacritics, {@code đ → d},
 * single spaces. "Đua xe ở Buôn Ma Thuột" and "dua xe o buon ma thuot" fold to the same string. Every search in the
 * product goes through here so that a tip, a message and a query meet on the same form.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private VietnameseText() {}

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // NFD splits "ộ" into "o" + marks; đ/Đ is a letter of its own, not a mark, so it needs its own rule.
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String ascii = withoutMarks.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(ascii).replaceAll(" ").strip();
    }
}
