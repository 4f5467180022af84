package vn.binhyen.shared.text;

import java.util.regex.Pattern;

/**
 * The i/y rule of Vietnamese spelling lets both "kĩ" and "kỹ", "lí" and "lý", "qui" and "quy" stand; people and
 * official texts use either. Folded words settle on "y" so that both spellings meet.
 */
final class SyllableSpelling {

    private static final Pattern I_OR_Y_SYLLABLE = Pattern.compile("(?:h|k|l|m|s|t|qu)i");

    private SyllableSpelling() {}

    static String unifyIY(String foldedWord) {
        if (I_OR_Y_SYLLABLE.matcher(foldedWord).matches()) {
            return foldedWord.substring(0, foldedWord.length() - 1) + "y";
        }
        return foldedWord;
    }
}
