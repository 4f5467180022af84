package vn.binhyen.incidents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.binhyen.shared.VietnamTime;

/**
 * What the words of a signal say beyond its watch terms: the stated time of the event ("tối nay 21h", "8h45 sáng
 * mai"), how alike two texts are, and the people named. All on folded text except names, which need capitals.
 */
final class SignalText {

    private static final Pattern HOUR =
            Pattern.compile("\\b(\\d{1,2})\\s?(?:h|g|gio)\\s?(\\d{2})?\\b|\\b(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern TOMORROW =
            Pattern.compile("\\b(?:ngay mai|toi mai|dem mai|sang mai|chieu mai|trua mai)\\b");
    private static final Pattern TODAY =
            Pattern.compile("\\b(?:toi nay|dem nay|chieu nay|sang nay|trua nay|hom nay)\\b");
    private static final Pattern EVENING = Pattern.compile("\\b(?:toi|dem|chieu)\\b");
    private static final Pattern MORNING = Pattern.compile("\\b(?:sang|rang sang)\\b");
    private static final Pattern NOW =
            Pattern.compile("\\b(?:bay gio|ngay bay gio|dang danh|dang chem|dang dua|dang tu tap)\\b");

    /** Words that carry no meaning of their own for telling events apart. */
    private static final Set<String> STOP = Set.of(
            "o", "va", "la", "cua", "co", "khong", "ko", "k", "nhe", "nha", "di", "thi", "ma", "roi", "da", "se",
            "dang", "cac", "nhung", "mot", "nay", "toi", "dem", "hom", "anh", "em", "chi", "ban", "moi", "nguoi", "oi",
            "a", "ah", "voi", "cho", "de", "duoc", "ra", "vao", "len", "xuong", "tai", "luc", "gio", "h", "ai", "gi",
            "nao", "do", "kia", "day", "the", "vay", "nhieu", "lam", "qua", "con", "bon", "no", "tui", "chung", "minh",
            "ve", "tu", "den", "tren", "duoi", "trong", "ngoai", "sau", "truoc", "khi", "neu");

    private static final Pattern PERSON =
            Pattern.compile("(?iu:\\b(?:thằng|con|anh|chị|em|bé|cháu|ông|bà|cô|chú|cậu|bạn|tên|đối tượng|ku|thg))\\s+"
                    + "((?:\\p{Lu}[\\p{L}']*)(?:\\s+\\p{Lu}[\\p{L}']*){0,3})");

    private SignalText() {}

    /**
     * The time the text says the event happens, read in Vietnam time against when it was written. An hour without a
     * day is the next such hour (within an hour back): "9h" written at 19:00 means 21:00.
     */
    private static final java.time.Duration PAST_GRACE = java.time.Duration.ofHours(3);

    static @Nullable Instant eventTime(String folded, Instant writtenAt) {
        ZonedDateTime written = writtenAt.atZone(VietnamTime.ZONE);
        if (NOW.matcher(folded).find()) {
            return writtenAt;
        }
        boolean tomorrow = TOMORROW.matcher(folded).find();
        boolean today = TODAY.matcher(folded).find();
        boolean evening = EVENING.matcher(folded).find();
        Matcher hour = HOUR.matcher(folded);
        LocalDate day = written.toLocalDate().plusDays(tomorrow ? 1 : 0);
        if (hour.find()) {
            int h = Integer.parseInt(hour.group(1) != null ? hour.group(1) : hour.group(3));
            String minuteText = hour.group(1) != null ? hour.group(2) : hour.group(4);
            int m = minuteText == null ? 0 : Integer.parseInt(minuteText);
            if (h > 23 || m > 59) {
                return null;
            }
            boolean morning = MORNING.matcher(folded).find();
            if (evening && !morning && h < 12) {
                h += 12;
            }
            ZonedDateTime at = day.atTime(LocalTime.of(h, m)).atZone(VietnamTime.ZONE);
            // A time up to a few hours past is still today's: "20h45 tập trung" written at 21:50 is about tonight's
            // gathering (under way, or just missed), not tomorrow's. Earlier than that, the next such hour.
            if (!tomorrow && at.isBefore(written.minus(PAST_GRACE))) {
                boolean afternoonToo = h < 12 && !morning && at.plusHours(12).isAfter(written.minus(PAST_GRACE));
                at = afternoonToo ? at.plusHours(12) : at.plusDays(1);
            }
            return at.toInstant();
        }
        if (tomorrow || today) {
            int h = folded.contains("sang")
                    ? 8
                    : folded.contains("trua")
                            ? 12
                            : folded.contains("chieu")
                                    ? 15
                                    : folded.contains("dem") ? 22 : folded.contains("toi") ? 20 : -1;
            if (h < 0) {
                return tomorrow ? null : writtenAt;
            }
            ZonedDateTime at = day.atTime(LocalTime.of(h, 0)).atZone(VietnamTime.ZONE);
            return (at.isBefore(written) && !tomorrow ? written : at).toInstant();
        }
        return null;
    }

    /** The meaningful words and word pairs of a folded text. */
    static Set<String> shingles(String folded) {
        Set<String> result = new HashSet<>();
        String previous = null;
        for (String word : folded.split(" ")) {
            if (word.isEmpty() || STOP.contains(word) || word.chars().allMatch(Character::isDigit)) {
                previous = null;
                continue;
            }
            result.add(word);
            if (previous != null) {
                result.add(previous + " " + word);
            }
            previous = word;
        }
        return result;
    }

    /** How much of the new text's meaning the incident's texts already hold (0–1). */
    static double containment(Set<String> signal, Set<String> incident) {
        if (signal.isEmpty() || incident.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String s : signal) {
            if (incident.contains(s)) {
                shared++;
            }
        }
        return (double) shared / signal.size();
    }

    /** People named after a kinship word or "đối tượng": "thằng Tuấn", "anh Y Blê". */
    static List<String> people(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PERSON.matcher(text);
        while (m.find()) {
            String name = m.group(1).strip();
            if (name.length() >= 2 && name.length() <= 40) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
