package vn.binhyen.knowledge.internal;

import java.util.List;
import java.util.stream.Stream;

/**
 * What residents read about one procedure or answer. Lists are one item per line in the database.
 *
 * @param questions other ways residents ask for this entry; they help the matcher and are shown as "câu hỏi
 *     thường gặp"
 */
public record EntryContent(
        String title,
        List<String> questions,
        String summary,
        String audience,
        List<String> documents,
        List<String> steps,
        String submission,
        String timeLimit,
        String fee,
        String legalBasis) {

    public EntryContent {
        questions = List.copyOf(questions);
        documents = List.copyOf(documents);
        steps = List.copyOf(steps);
    }

    /** Title and the ways residents ask: what the question should resemble. */
    public List<String> phrasings() {
        return Stream.concat(Stream.of(title), questions.stream()).toList();
    }

    /** Everything else a question may mention: papers, places, fees. */
    public String body() {
        return String.join(
                "\n",
                Stream.of(
                                Stream.of(summary, audience),
                                documents.stream(),
                                steps.stream(),
                                Stream.of(submission, timeLimit, fee, legalBasis))
                        .flatMap(s -> s)
                        .toList());
    }

    static List<String> lines(String text) {
        return text.isBlank()
                ? List.of()
                : text.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }

    static String joinLines(List<String> lines) {
        return String.join("\n", lines);
    }
}
