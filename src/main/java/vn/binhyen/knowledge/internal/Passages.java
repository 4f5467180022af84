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
 * glance why the entry was suggested. Words are compared folded and synonym-rewritten, as the matcher compares them
 * ("cccd" in the question marks "căn cước" in the entry); stop words are never marked.
 */
@Component
class Passages {

    private static final Pattern WORDS_AND_GAPS = Pattern.compile("(?<=[\\s,.;:()/])|(?=[\\s,.;:()/])");
    private static final int MAX_LENGTH = 300;

    private final TextAnalysis analysis;

    Passages(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    List<PassagePart> bestPassage(String question, EntryContent content) {
        Set<String> asked = new HashSet<>(analysis.wordsOf(analysis.canonical(question)));
        List<PassagePart> best = List.of();
        int bestHits = -1;
        for (String line : candidateLines(content)) {
            List<PassagePart> parts = mark(shorten(line), asked);
            int hits = (int) parts.stream()
                    .filter(PassagePart::matched)
                    .map(part -> part.text().toLowerCase())
                    .distinct()
                    .count();
            if (hits > bestHits) {
                best = parts;
                bestHits = hits;
            }
        }
        return best;
    }

    private static List<String> candidateLines(EntryContent content) {
        List<String> lines = new ArrayList<>();
        lines.add(content.title());
        lines.addAll(EntryContent.lines(content.summary()));
        lines.addAll(content.documents());
        lines.addAll(content.steps());
        lines.addAll(EntryContent.lines(content.submission()));
        lines.addAll(EntryContent.lines(content.timeLimit()));
        lines.addAll(EntryContent.lines(content.fee()));
        return lines;
    }

    private List<PassagePart> mark(String line, Set<String> asked) {
        List<PassagePart> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (String token : WORDS_AND_GAPS.split(line)) {
            if (token.isEmpty()) {
                continue;
            }
            if (isAsked(token, asked)) {
                if (!plain.isEmpty()) {
                    parts.add(new PassagePart(plain.toString(), false));
                    plain.setLength(0);
                }
                parts.add(new PassagePart(token, true));
            } else {
                plain.append(token);
            }
        }
        if (!plain.isEmpty()) {
            parts.add(new PassagePart(plain.toString(), false));
        }
        return parts;
    }

    private boolean isAsked(String token, Set<String> asked) {
        if (token.isBlank() || !Character.isLetterOrDigit(token.codePointAt(0))) {
            return false;
        }
        // A synonym may rewrite one word into several ("cccd" → "can cuoc"): any of them counts.
        for (String word : analysis.wordsOf(analysis.canonical(token))) {
            if (asked.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String line) {
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
