package vn.binhyen.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.knowledge.EvaluationSet.LabelledQuestion;
import vn.binhyen.knowledge.internal.CatalogueStore;
import vn.binhyen.knowledge.internal.KnowledgeProperties;
import vn.binhyen.knowledge.internal.Match;
import vn.binhyen.knowledge.internal.Matcher;

/**
 * Runs the labelled questions through our matcher and two baselines in the same run, prints the scorecard and the
 * precision of automatic answers by threshold (also written to {@code target/knowledge-evaluation.md}), and fails
 * when top-3 drops below 0.9.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MatcherEvaluationTests {

    private static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};

    @Autowired
    Matcher matcher;

    @Autowired
    CatalogueStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnowledgeProperties properties;

    @Test
    void matchesResidentsQuestionsBetterThanTheBaselines() throws IOException {
        var set = EvaluationSet.load();
        assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(300);
        var entries = store.allPublished();
        Baselines.preparePostgres(jdbc, entries);
        var standard = new Baselines.StandardLucene(entries);

        Scorecard ours = Scorecard.measure("BinhYen matcher (Lucene, folded + pairs)", set, this::ourSlugs);
        Scorecard postgres = Scorecard.measure(
                "baseline 1: PostgreSQL FTS + unaccent", set, question -> Baselines.postgres(jdbc, question, 3));
        Scorecard lucene =
                Scorecard.measure("baseline 2: Lucene StandardAnalyzer", set, question -> standard.search(question, 3));

        var report = new StringBuilder();
        report.append("## Knowledge matcher evaluation\n\n")
                .append(set.questions().size())
                .append(" questions, ")
                .append(set.questions().stream().filter(q -> !q.hasAnswer()).count())
                .append(" without an answer; suggest threshold ")
                .append(properties.suggestThreshold())
                .append("\n\n")
                .append(Scorecard.header())
                .append('\n')
                .append(ours.line())
                .append('\n')
                .append(postgres.line())
                .append('\n')
                .append(lucene.line())
                .append("\n\n")
                .append(byStyle(set))
                .append(automaticAnswers(set))
                .append(misses(set));
        System.out.println(report);
        dumpFeatures(set);
        Files.writeString(Path.of("target", "knowledge-evaluation.md"), report);

        assertThat(ours.top3()).as("top-3 of the matcher").isGreaterThanOrEqualTo(0.9);
    }

    /** Every candidate's measures, for tuning how they combine (target/knowledge-features.tsv). */
    private void dumpFeatures(EvaluationSet set) throws IOException {
        var out = new StringBuilder();
        int n = 0;
        for (LabelledQuestion question : set.questions()) {
            n++;
            for (Match m : matcher.rank(question.text())) {
                out.append(String.format(
                        Locale.ROOT,
                        "%d\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f%n",
                        n,
                        String.join("|", question.expected()),
                        question.style(),
                        m.slug(),
                        m.questionCoverage(),
                        m.phrasingCoverage(),
                        m.askedCoverage(),
                        m.relevance()));
            }
        }
        Files.writeString(Path.of("target", "knowledge-features.tsv"), out);
    }

    private List<String> ourSlugs(String question) {
        return matcher.rank(question).stream()
                .filter(match -> match.score() >= properties.suggestThreshold())
                .limit(3)
                .map(Match::slug)
                .toList();
    }

    private String byStyle(EvaluationSet set) {
        var out = new StringBuilder("| style | questions | top-1 | top-3 |\n|---|---|---|---|\n");
        for (String style : List.of("dau", "khongdau", "teencode", "loi", "dai")) {
            var subset = new EvaluationSet(set.questions().stream()
                    .filter(q -> q.style().equals(style))
                    .toList());
            var card = Scorecard.measure(style, subset, this::ourSlugs);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.3f | %.3f |%n",
                    style,
                    subset.questions().size(),
                    card.top1(),
                    card.top3()));
        }
        return out.append('\n').toString();
    }

    /**
     * An automatic answer is sent when the best entry's score reaches the threshold. Precision counts a question with
     * no answer that still got one as wrong; coverage is the share of answerable questions answered automatically.
     */
    private String automaticAnswers(EvaluationSet set) {
        var out = new StringBuilder(
                "| auto-answer threshold | answered | correct | precision | coverage of answerable |\n|---|---|---|---|---|\n");
        long answerable =
                set.questions().stream().filter(LabelledQuestion::hasAnswer).count();
        List<Double> best = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (LabelledQuestion question : set.questions()) {
            var ranked = matcher.rank(question.text());
            best.add(ranked.isEmpty() ? 0 : ranked.getFirst().score());
            right.add(!ranked.isEmpty()
                    && question.expected().contains(ranked.getFirst().slug()));
        }
        for (double threshold : THRESHOLDS) {
            int answered = 0;
            int correct = 0;
            for (int i = 0; i < best.size(); i++) {
                if (best.get(i) >= threshold) {
                    answered++;
                    correct += right.get(i) ? 1 : 0;
                }
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %.2f | %d | %d | %.3f | %.3f |%n",
                    threshold,
                    answered,
                    correct,
                    answered == 0 ? 0 : (double) correct / answered,
                    (double) correct / answerable));
        }
        return out.append('\n').toString();
    }

    private String misses(EvaluationSet set) {
        var out = new StringBuilder("### Questions not answered right at top-1\n\n");
        for (LabelledQuestion question : set.questions()) {
            var ranked = matcher.rank(question.text());
            var shown = ranked.stream()
                    .filter(match -> match.score() >= properties.suggestThreshold())
                    .toList();
            boolean right = question.hasAnswer()
                    ? !shown.isEmpty()
                            && question.expected().contains(shown.getFirst().slug())
                    : shown.isEmpty();
            if (!right) {
                out.append("- `")
                        .append(String.join("|", question.expected()))
                        .append("` ← ")
                        .append(question.text())
                        .append(" → ");
                ranked.stream()
                        .limit(2)
                        .forEach(m -> out.append(String.format(
                                Locale.ROOT,
                                "%s %.2f (q%.2f p%.2f); ",
                                m.slug(),
                                m.score(),
                                m.questionCoverage(),
                                m.phrasingCoverage())));
                out.append('\n');
            }
        }
        return out.toString();
    }
}
