package vn.binhyen.bulletins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A nudge towards short, plain bulletins read on cheap phones: counts characters, words (Vietnamese syllables count
 * as words) and sentence lengths, and says what to shorten.
 */
public final class Readability {

    /** Beyond this a phone shows "xem thêm" and most readers stop. */
    static final int LONG_TEXT = 700;
    /** A sentence of more syllables than this is hard to follow when read aloud at a village meeting. */
    static final int LONG_SENTENCE = 35;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…;]+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Readability() {}

    /** A hint: a message key and its arguments. */
    public record Hint(String key, List<Object> args) {}

    public record Report(int characters, int words, int sentences, int longestSentence, List<Hint> hints) {
        public boolean plain() {
            return hints.isEmpty();
        }
    }

    public static Report of(String title, String body) {
        String plain = Markup.toPlainText(body);
        List<Integer> lengths = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(plain)) {
            int words = words(sentence);
            if (words > 0) {
                lengths.add(words);
            }
        }
        int words = words(plain);
        int longest = lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        long longSentences = lengths.stream().filter(n -> n > LONG_SENTENCE).count();
        List<Hint> hints = new ArrayList<>();
        if (plain.length() > LONG_TEXT) {
            hints.add(new Hint("bulletins.read.long", List.of(plain.length(), LONG_TEXT)));
        }
        if (longSentences > 0) {
            hints.add(new Hint("bulletins.read.longSentences", List.of(longSentences, LONG_SENTENCE)));
        }
        if (title.strip().length() > 80) {
            hints.add(new Hint("bulletins.read.longTitle", List.of(title.strip().length())));
        }
        return new Report(plain.length(), words, lengths.size(), longest, hints);
    }

    private static int words(String text) {
        var matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
