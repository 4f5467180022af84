package vn.binhyen.conversations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Tells a village-group message addressed to the police page from the group's own talk. Only an addressed message can
 * be a question: everything else in the group ("mai họp tổ dân phố nhé") is residents talking to each other, read
 * for early warning by incidents but never put before an officer as something to answer.
 *
 * <p>A message is addressed to the page when
 *
 * <ul>
 *   <li>it mentions the page the way Zalo's group API writes a mention, {@code [@<page id>]} anywhere in the text
 *       (zalo-oa.md §11; Zalo documents no separate mention field on {@code user_send_group_*} events); or
 *   <li>it begins by calling the police, compared folded ({@link VietnameseText#foldedWords}): "công an ơi", "CA xã
 *       ơi", "công an xã Ea Kao ơi", "anh công an …", "chào công an xã, …", "công an xã cho em hỏi …", or
 *       "@Công an xã …" (a mention of the page by its name, as Zalo's app shows it).
 * </ul>
 *
 * "Công an" in the middle of a message ("hôm qua công an xã đến nhà ông Ba") or at its start as a subject ("công an xã
 * vừa bắt được kẻ trộm") is talk about the police, not to them. "Cả" (eldest) folds to "ca" as "CA" does, so "ca" is
 * the police only written in capitals or followed by "xã"/"phường".
 */
final class GroupAddress {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    private static final Pattern NAME_REST = Pattern.compile("^\\s*([\\p{L}\\p{N}]+\\s+){0,3}[\\p{L}\\p{N}]+\\s*[:,]");
    private static final Set<String> GREETINGS = Set.of("chao", "xin", "alo", "a", "da", "kinh", "gui", "hello", "hi");
    /** Compared as typed: folded, "cô" and "bà" would be "có" (has) and "ba" (three). */
    private static final Set<String> HONORIFICS =
            Set.of("anh", "chú", "chu", "chị", "bác", "bac", "cô", "em", "e", "bạn", "ông", "bà");

    private static final List<List<String>> TWO_WORD_HONORIFICS = List.of(
            List.of("cac", "anh"),
            List.of("cac", "chu"),
            List.of("cac", "chi"),
            List.of("dong", "chi"),
            List.of("can", "bo"));
    private static final Set<String> UNITS = Set.of("xa", "phuong", "huyen", "tinh");
    /** After the police's name, words that make it a request to them rather than a statement about them. */
    private static final List<List<String>> REQUESTS = List.of(
            List.of("cho", "hoi"),
            List.of("cho", "em"),
            List.of("cho", "toi"),
            List.of("cho", "minh"),
            List.of("cho", "chau"),
            List.of("giup"),
            List.of("xin"),
            List.of("hoi"));
    /** A place's name between the unit and "ơi" ("công an xã Ea Kao ơi"): at most this many words. */
    private static final int LONGEST_NAME = 4;

    private static final int WORDS_READ = 24;

    private GroupAddress() {}

    /**
     * What a group message asks the page, without the words that address it; empty when it is not addressed to the
     * page (or addresses it and says nothing more).
     *
     * @param pageRef the page's id on the channel (the Zalo OA id), for inline mentions
     */
    static Optional<String> askedOf(String text, String pageRef) {
        String mention = "[@" + pageRef + "]";
        if (text.contains(mention)) {
            return nonBlank(SPACES.matcher(text.replace(mention, " ")).replaceAll(" "));
        }
        List<Word> words = words(text);
        boolean at = text.stripLeading().startsWith("@");
        int end = addressEnd(words, at);
        if (end < 0) {
            return Optional.empty();
        }
        String rest = text.substring(words.get(end - 1).rawEnd());
        // "@Công an xã Hòa Thắng: …": the rest of the page's name, up to the colon or comma after it.
        return nonBlank(at ? NAME_REST.matcher(rest).replaceFirst("") : rest);
    }

    /**
     * Whether the message could be addressed to some page, judged without knowing which: a mention of any page, or a
     * beginning that calls the police. Every message {@link #askedOf} takes passes; most of a group's talk does not.
     */
    static boolean mayAddress(String text) {
        return text.contains("[@")
                || addressEnd(words(text), text.stripLeading().startsWith("@")) >= 0;
    }

    /** A folded word and where the raw word it comes from ends in the text. */
    private record Word(String folded, String raw, int rawEnd) {}

    /**
     * The first words of the text, folded. An address is at the beginning (greetings, honorific, "công an", unit, a
     * name of up to {@value #LONGEST_NAME} words, a request: fewer than {@value #WORDS_READ} words), so a long message
     * is not folded to its end.
     */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (words.size() < WORDS_READ && matcher.find()) {
            String raw = matcher.group();
            // "CA" in capitals is the police's abbreviation; folded it would be "ca", also "cả" (eldest).
            List<String> folded = raw.equals("CA") ? List.of("cong", "an") : VietnameseText.foldedWords(raw);
            for (String word : folded) {
                words.add(new Word(word, raw, matcher.end()));
            }
        }
        return words;
    }

    /** The number of leading words that address the police, or -1 when the message does not begin by doing so. */
    private static int addressEnd(List<Word> words, boolean startsWithAt) {
        int i = 0;
        boolean greeted = false;
        while (i < words.size() && i < 3 && GREETINGS.contains(words.get(i).folded())) {
            i++;
            greeted = true;
        }
        boolean honorific = false;
        int two = matchesAt(words, i, TWO_WORD_HONORIFICS);
        if (two > 0) {
            i += two;
            honorific = true;
        } else if (i < words.size() && HONORIFICS.contains(words.get(i).raw().toLowerCase(Locale.ROOT))) {
            i++;
            honorific = true;
        }
        if (is(words, i, "cong") && is(words, i + 1, "an")) {
            i += 2;
        } else if (is(words, i, "ca")
                && words.get(i).raw().equalsIgnoreCase("ca") // not "cả xã" (the whole commune)
                && i + 1 < words.size()
                && UNITS.contains(words.get(i + 1).folded())) {
            i += 1;
        } else {
            return -1;
        }
        if (i < words.size() && UNITS.contains(words.get(i).folded())) {
            i++;
        } else if (is(words, i, "thi") && is(words, i + 1, "tran")) {
            i += 2;
        }
        for (int k = i; k < words.size() && k <= i + LONGEST_NAME; k++) {
            String raw = words.get(k).raw().toLowerCase(Locale.ROOT);
            if (raw.equals("ơi") || raw.equals("oi")) {
                return k + 1;
            }
        }
        if (greeted || honorific || startsWithAt) {
            return i;
        }
        return matchesAt(words, i, REQUESTS) > 0 ? i : -1;
    }

    private static boolean is(List<Word> words, int i, String folded) {
        return i < words.size() && words.get(i).folded().equals(folded);
    }

    /** The length of the first of {@code phrases} that the words at {@code i} begin with, or 0. */
    private static int matchesAt(List<Word> words, int i, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            boolean all = true;
            for (int k = 0; k < phrase.size() && all; k++) {
                all = is(words, i + k, phrase.get(k));
            }
            if (all) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static Optional<String> nonBlank(String asked) {
        String stripped = asked.replaceFirst("^[\\s,.:;!?\\-–]+", "").strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
