package vn.binhyen.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The labelled questions in {@code src/test/resources/knowledge/questions.tsv} (see the README beside it). */
record EvaluationSet(List<LabelledQuestion> questions) {

    record LabelledQuestion(Set<String> expected, String style, String text) {

        boolean hasAnswer() {
            return !expected.contains("none");
        }

        boolean acceptsAmong(List<String> slugs, int k) {
            return slugs.stream().limit(k).anyMatch(expected::contains);
        }
    }

    static EvaluationSet load() {
        List<LabelledQuestion> questions = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                EvaluationSet.class.getResourceAsStream("/knowledge/questions.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                questions.add(new LabelledQuestion(Set.of(columns[0].split("\\|")), columns[1], columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvaluationSet(List.copyOf(questions));
    }
}
