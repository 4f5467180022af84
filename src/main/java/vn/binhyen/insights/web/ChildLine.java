package vn.binhyen.insights.web;

import java.util.ArrayList;
import java.util.List;
import vn.binhyen.insights.internal.Dashboards.Row;
import vn.binhyen.insights.internal.Formats;
import vn.binhyen.insights.internal.Period;

/**
 * A row of a dashboard's children table as the page shows it: its link and every cell made once, in Java. Thymeleaf
 * building a link and calling seven formatters per row through SpEL was most of the time of a province's page with
 * its hundred communes (JFR, bench/insights/README.md).
 *
 * @param cells tips, per 1,000, questions, in time, first answer, prevented (overdue apart: it is highlighted)
 */
record ChildLine(String key, String href, String name, List<String> cells, String overdue, boolean late) {

    static List<ChildLine> of(List<Row> rows, String contextPath, Period period, Formats f) {
        String query = "?from=" + period.from() + "&to=" + period.to();
        List<ChildLine> lines = new ArrayList<>(rows.size());
        for (Row r : rows) {
            lines.add(new ChildLine(
                    r.unit().key(),
                    contextPath + r.unit().href() + query,
                    r.unit().name(),
                    List.of(
                            f.count(r.tips()),
                            f.decimal(r.tipsPer1000()),
                            f.count(r.questions()),
                            f.percent(r.decidedInTime()),
                            f.minutes(r.medianAnswerMinutes()),
                            f.count(r.prevented())),
                    f.count(r.overdue()),
                    r.overdue() > 0));
        }
        return lines;
    }
}
