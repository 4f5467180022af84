package vn.binhyen.knowledge;

import java.util.List;
import java.util.Locale;
import vn.binhyen.knowledge.EvaluationSet.LabelledQuestion;

/**
 * Top-1/top-3 over answerable questions, and how well "no answer" is told: precision (when a method says nothing
 * fits, is that right?) and recall (of the questions with no answer, how many did it recognise?).
 */
record Scorecard(String method, double top1, double top3, double nonePrecision, double noneRecall, int questions) {

    interface Method {
        /** Slugs best first; empty means "no entry answers this". */
        List<String> answer(String question);
    }

    static Scorecard measure(String name, EvaluationSet set, Method method) {
        int answerable = 0;
        int top1 = 0;
        int top3 = 0;
        int saidNone = 0;
        int saidNoneRightly = 0;
        int none = 0;
        for (LabelledQuestion question : set.questions()) {
            List<String> slugs = method.answer(question.text());
            if (slugs.isEmpty()) {
                saidNone++;
                if (!question.hasAnswer()) {
                    saidNoneRightly++;
                }
            }
            if (question.hasAnswer()) {
                answerable++;
                top1 += question.acceptsAmong(slugs, 1) ? 1 : 0;
                top3 += question.acceptsAmong(slugs, 3) ? 1 : 0;
            } else {
                none++;
            }
        }
        return new Scorecard(
                name,
                ratio(top1, answerable),
                ratio(top3, answerable),
                ratio(saidNoneRightly, saidNone),
                ratio(saidNoneRightly, none),
                set.questions().size());
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "| %-44s | %5.3f | %5.3f | %5.3f | %5.3f |",
                method,
                top1,
                top3,
                nonePrecision,
                noneRecall);
    }

    static String header() {
        return "| method                                       | top-1 | top-3 | none-P | none-R |\n"
                + "|----------------------------------------------|-------|-------|-------|-------|";
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
