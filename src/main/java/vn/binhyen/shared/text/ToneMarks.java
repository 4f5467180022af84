package vn.binhyen.shared.text;

import java.text.Normalizer;

/**
 * Puts a syllable's tone mark on one vowel by a fixed rule, because Vietnamese keyboards disagree: "hoà"/"hòa",
 * "thuỷ"/"thủy", "khoẻ"/"khỏe" are different code points for the same word. The rule is the "new style" (kiểu mới):
 * a vowel with its own mark (ă â ê ô ơ ư) takes the tone; otherwise a closed syllable puts it on the last vowel, "oa",
 * "oe", "uy" on the second and other open pairs on the first.
 */
final class ToneMarks {

    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String MARKED_VOWELS = "ăâêôơư";
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    private ToneMarks() {}

    static String placeOnMainVowel(String syllable) {
        String decomposed = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        char tone = 0;
        StringBuilder withoutTone = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (TONES.indexOf(c) >= 0) {
                tone = c;
            } else {
                withoutTone.append(c);
            }
        }
        String base = Normalizer.normalize(withoutTone, Normalizer.Form.NFC);
        if (tone == 0) {
            return base;
        }
        int position = mainVowel(base);
        if (position < 0) {
            return Normalizer.normalize(syllable, Normalizer.Form.NFC);
        }
        String toned = base.substring(0, position + 1) + tone + base.substring(position + 1);
        return Normalizer.normalize(toned, Normalizer.Form.NFC);
    }

    private static int mainVowel(String base) {
        int start = 0;
        // In "qu" and "gi" before another vowel, the u/i belongs to the consonant: quý, giữ.
        if ((base.startsWith("qu") || base.startsWith("gi")) && base.length() > 2 && isVowel(base.charAt(2))) {
            start = 2;
        }
        while (start < base.length() && !isVowel(base.charAt(start))) {
            start++;
        }
        if (start == base.length()) {
            return -1;
        }
        int end = start;
        while (end < base.length() && isVowel(base.charAt(end))) {
            end++;
        }
        for (int i = end - 1; i >= start; i--) {
            if (MARKED_VOWELS.indexOf(base.charAt(i)) >= 0) {
                return i;
            }
        }
        int length = end - start;
        boolean closed = end < base.length();
        if (length == 1 || closed) {
            return end - 1;
        }
        if (length >= 3) {
            return start + 1;
        }
        String pair = base.substring(start, end);
        return pair.equals("oa") || pair.equals("oe") || pair.equals("uy") ? start + 1 : start;
    }

    private static boolean isVowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }
}
