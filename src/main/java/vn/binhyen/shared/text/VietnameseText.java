package vn.binhyen.shared.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text the way residents type it into one searchable form. Every search in the product goes through
 * here so that a tip, a message, a question and a query meet on the same form.
 *
 * <p>Three levels, from safest to most eager:
 *
 * <ul>
 *   <li>{@link #fold}: lower case, no diacritics, {@code đ → d}, emoji and punctuation gone, single spaces. Works on
 *       characters only, so a half-typed word stays a prefix of the full one ("kiể" → "kie"); prefix search needs
 *       that.
 *   <li>{@link #foldWords}: {@link #fold}, then whole words are brought to one spelling: i/y variants ("kĩ/kỹ", "lí/lý",
 *       "qui/quy") and the shorthand residents type ("ko", "dc", "cccd", "tt" …). Only for complete text, since it
 *       rewrites words ("k" is "không", not the start of "kẻ").
 *   <li>{@link #normalizeTones}: keeps diacritics but puts the tone mark in one place ("hoà"/"hòa", "thuỷ"/"thủy"), for
 *       fields where the exact spelling should count.
 * </ul>
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile(" +");

    private VietnameseText() {}

    /** "Đua xe ở Buôn Ma Thuột!! 🏍️" and "dua xe o buon ma thuot" both fold to "dua xe o buon ma thuot". */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // NFD splits "ộ" into "o" + marks whether the input came composed or decomposed (iOS, copy-paste);
        // đ/Đ is a letter of its own, not a mark, so it needs its own rule.
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String ascii = withoutMarks.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(ascii).replaceAll(" ").strip();
    }

    /** The folded words of a complete text, with i/y variants and residents' shorthand written out. */
    public static List<String> foldedWords(String text) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : SPACES.split(folded)) {
            String spelled = Shorthand.expand(SyllableSpelling.unifyIY(word));
            for (String part : SPACES.split(spelled)) {
                words.add(part);
            }
        }
        return words;
    }

    /** {@link #foldedWords} joined by single spaces: "ko lam dc cccd" → "khong lam duoc can cuoc cong dan". */
    public static String foldWords(String text) {
        return String.join(" ", foldedWords(text));
    }

    /**
     * Lower case with diacritics kept, composed (NFC), tone mark on the main vowel by the modern rule: "Hoà Bình",
     * "hòa bình" and "hoà bình" typed on an iPhone all give "hoà bình". Punctuation and emoji become single spaces.
     */
    public static String normalizeTones(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String words = NOT_WORD.matcher(lower).replaceAll(" ").strip();
        if (words.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(words.length());
        for (String syllable : SPACES.split(words)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(ToneMarks.placeOnMainVowel(syllable));
        }
        return out.toString();
    }

    /** Whether the text carries any Vietnamese diacritic (then the resident chose the spelling on purpose). */
    public static boolean hasDiacritics(String text) {
        return text != null
                && !fold(text)
                        .equals(NOT_WORD.matcher(text.toLowerCase(Locale.ROOT))
                                .replaceAll(" ")
                                .strip());
    }
}
