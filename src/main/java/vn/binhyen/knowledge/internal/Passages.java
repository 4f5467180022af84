package vn.binhyen.knowledge.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.binhyen.knowledge.SuggestedAnswer.PassagePart;

/**
 * Picks the line of an entry that best answers a question and marks the words they share, so the officer sees at a
 * glance why the entry was suggested. Words are compared as the matcher compares them: folded and synonym-rewritten,
 * over spans of up to five words, since a synonym may span several ("thẻ căn cước" and "cccd" both become
 * "cancuoc"). Stop words are never marked. The title is left out: the page shows it already.
 */
@Component
class Passages {

    private static final Pattern WORDS_AND_GAPS = Pattern.compile("(?<=[\\s,.;:()/])|(?=[\\s,.;:()/])");
    private static final int MAX_LENGTH = 300;
    private static final int LONGEST_SYNONYM = 5;

    private final TextAnalysis analysis;

    Passages(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    List<PassagePart> bestPassage(String question, EntryContent content) {
        Set<String> asked = new HashSet<>(analysis.wordsOf(analysis.canonical(question)));
        Marked best = new Marked(List.of(), 0);
        for (String line : candidateLines(content)) {
            Marked marked = mark(shorten(line), asked);
            if (best.parts().isEmpty() || marked.distinctWords() > best.distinctWords()) {
                best = marked;
            }
        }
        return best.parts();
    }

    private record Marked(List<PassagePart> parts, int distinctWords) {}

    private static List<String> candidateLines(EntryContent content) {
        List<String> lines = new ArrayList<>();
        lines.addAll(EntryContent.lines(content.summary()));
        lines.addAll(EntryContent.lines(content.audience()));
        lines.addAll(content.documents());
        lines.addAll(content.steps());
        lines.addAll(EntryContent.lines(content.submission()));
        lines.addAll(EntryContent.lines(content.timeLimit()));
        lines.addAll(EntryContent.lines(content.fee()));
        return lines;
    }

    private Marked mark(String line, Set<String> asked) {
        List<String> tokens = new ArrayList<>();
        for (String token : WORDS_AND_GAPS.split(line)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        boolean[] marked = new boolean[tokens.size()];
        Set<String> found = new HashSet<>();
        for (int start = 0; start < tokens.size(); start++) {
            if (!isWord(tokens.get(start))) {
                continue;
            }
            // The longest span starting here whose words the question has, all of them.
            for (int words = LONGEST_SYNONYM; words >= 1; words--) {
                int end = endOfSpan(tokens, start, words);
                if (end < 0) {
                    continue;
                }
                Set<String> canonical = canonical(tokens, start, end);
                if (!canonical.isEmpty() && asked.containsAll(canonical)) {
                    found.addAll(canonical);
                    // Words that add nothing ("khi" in "khi mất") are not marked; "căn" in "căn cước" is.
                    int first = start;
                    while (first < end - 1 && canonical(tokens, first + 1, end).equals(canonical)) {
                        first++;
                    }
                    int last = end;
                    while (last > first + 1
                            && canonical(tokens, first, last - 1).equals(canonical)) {
                        last--;
                    }
                    for (int i = first; i < last; i++) {
                        marked[i] = isWord(tokens.get(i));
                    }
                    break;
                }
            }
        }
        return new Marked(parts(tokens, marked), found.size());
    }

    private Set<String> canonical(List<String> tokens, int start, int end) {
        return new HashSet<>(analysis.wordsOf(analysis.canonical(String.join("", tokens.subList(start, end)))));
    }

    /** The token index just after {@code words} words from {@code start}, or -1 when the line ends first. */
    private static int endOfSpan(List<String> tokens, int start, int words) {
        int seen = 0;
        for (int i = start; i < tokens.size(); i++) {
            if (isWord(tokens.get(i)) && ++seen == words) {
                return i + 1;
            }
        }
        return -1;
    }

    private static List<PassagePart> parts(List<String> tokens, boolean[] marked) {
        List<PassagePart> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean runMarked = false;
        for (int i = 0; i < tokens.size(); i++) {
            // A gap between two marked words belongs to the mark, so "căn cước" is highlighted as one.
            boolean thisMarked =
                    marked[i] || (!isWord(tokens.get(i)) && runMarked && nextWordMarked(tokens, marked, i));
            if (thisMarked != runMarked && !run.isEmpty()) {
                parts.add(new PassagePart(run.toString(), runMarked));
                run.setLength(0);
            }
            runMarked = thisMarked;
            run.append(tokens.get(i));
        }
        if (!run.isEmpty()) {
            parts.add(new PassagePart(run.toString(), runMarked));
        }
        return parts;
    }

    private static boolean nextWordMarked(List<String> tokens, boolean[] marked, int from) {
        for (int i = from + 1; i < tokens.size(); i++) {
            if (isWord(tokens.get(i))) {
                return marked[i] && tokens.subList(from, i).stream().allMatch(String::isBlank);
            }
        }
        return false;
    }

    private static boolean isWord(String token) {
        return !token.isBlank() && Character.isLetterOrDigit(token.codePointAt(0));
    }

    private static String shorten(String line) {
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
