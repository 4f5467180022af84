package vn.binhyen.insights.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.binhyen.insights.internal.CurrentState.Reach;

/**
 * A unit's dashboard for a period: headline figures against the previous period and the same period last year, the
 * daily series, and the same figures for each unit one level down. Reads rollups only, plus the few current-state
 * figures of {@link CurrentState}.
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

    /** One headline figure; {@code lowerIsBetter} tells the page which way a change is good news. */
    public record Headline(
            String key,
            @Nullable Number value,
            @Nullable Number previous,
            @Nullable Number lastYear,
            @Nullable Double per1000,
            String format,
            boolean lowerIsBetter) {

        /** Change against {@code base} in percent, null when there is nothing to compare. */
        public @Nullable Double change(@Nullable Number base) {
            if (value == null || base == null || base.doubleValue() == 0) {
                return null;
            }
            return 100.0 * (value.doubleValue() - base.doubleValue()) / base.doubleValue();
        }
    }

    /** The figures of one unit in a comparison. */
    public record Row(
            Unit unit,
            long tips,
            @Nullable Double tipsPer1000,
            long questions,
            @Nullable Double questionsPer1000,
            @Nullable Double decidedInTime,
            @Nullable Long medianAnswerMinutes,
            long prevented,
            long overdue) {

        /** A figure by the name the map's measure picker uses. */
        public @Nullable Number measure(String name) {
            return switch (name) {
                case "tips" -> tips;
                case "tipsPer1000" -> tipsPer1000;
                case "questions" -> questions;
                case "questionsPer1000" -> questionsPer1000;
                case "decidedInTime" -> decidedInTime;
                case "medianAnswer" -> medianAnswerMinutes;
                case "prevented" -> prevented;
                case "overdue" -> overdue;
                default -> null;
            };
        }
    }

    /** The measures the map can colour communes by. */
    public static final List<String> MAP_MEASURES =
            List.of("tips", "tipsPer1000", "questions", "questionsPer1000", "decidedInTime", "medianAnswer", "overdue");

    public record Dashboard(
            Unit unit,
            List<Unit> lineage,
            Period period,
            List<Headline> headlines,
            Reach reach,
            Totals totals,
            List<Row> children,
            String seriesJson,
            String comparisonJson) {}

    private final RollupStore rollups;
    private final Units units;
    private final CurrentState state;
    private final JsonMapper json = JsonMapper.builder().build();

    Dashboards(RollupStore rollups, Units units, CurrentState state) {
        this.rollups = rollups;
        this.units = units;
        this.state = state;
    }

    public Totals totals(Unit unit, Period period) {
        return rollups.totals(unit.code(), unit.key(), period.from(), period.to());
    }

    public Dashboard dashboard(Unit unit, Period period) {
        // The period and its two comparisons in one statement.
        List<Totals> three =
                rollups.totals(unit.code(), unit.key(), List.of(period, period.previous(), period.lastYear()));
        Totals now = three.get(0);
        Totals before = three.get(1);
        Totals yearAgo = three.get(2);
        long overdue = state.overdue(unit);
        List<Headline> headlines = List.of(
                count("tips", Measure.TIPS_RECEIVED, now, before, yearAgo, unit),
                new Headline(
                        "firstAnswer",
                        medianAnswer(now),
                        medianAnswer(before),
                        medianAnswer(yearAgo),
                        null,
                        "minutes",
                        true),
                share("inTime", Measure.TIPS_DECIDED, "in_time", now, before, yearAgo, false),
                new Headline("overdue", overdue, null, null, null, "count", true),
                count("questions", Measure.QUESTIONS, now, before, yearAgo, unit),
                share("questionsAutomatic", Measure.QUESTIONS_ANSWERED, "automatic", now, before, yearAgo, false),
                share("questionsUnmatched", Measure.QUESTIONS_ASKED, "unmatched", now, before, yearAgo, true),
                count("bulletins", Measure.BULLETINS, now, before, yearAgo, null),
                new Headline(
                        "prevented",
                        now.of(Measure.INCIDENTS_CLOSED, "PREVENTED"),
                        before.of(Measure.INCIDENTS_CLOSED, "PREVENTED"),
                        yearAgo.of(Measure.INCIDENTS_CLOSED, "PREVENTED"),
                        null,
                        "count",
                        false),
                count("alerts", Measure.URGENT_ALERTS, now, before, yearAgo, null));
        List<Row> children = children(unit, period);
        return new Dashboard(
                unit,
                units.lineage(unit),
                period,
                headlines,
                state.reach(unit, period.from(), period.to()),
                now,
                children,
                seriesJson(unit, period),
                comparisonJson(children));
    }

    /** The figures of every unit one level down, by name; units without any fact show zeros. */
    public List<Row> children(Unit unit, Period period) {
        Unit.Level childLevel = unit.level().child();
        if (childLevel == null) {
            return List.of();
        }
        List<Unit> kids = units.children(unit);
        Map<String, Totals> figures =
                rollups.children(childLevel.code(), kids.stream().map(Unit::key).toList(), period.from(), period.to());
        Map<String, Long> overdue = state.overdueByChild(unit);
        List<Row> rows = new ArrayList<>();
        for (Unit child : kids) {
            rows.add(
                    row(child, figures.getOrDefault(child.key(), new Totals()), overdue.getOrDefault(child.key(), 0L)));
        }
        return rows;
    }

    public static Row row(Unit unit, Totals t, long overdue) {
        long tips = t.sum(Measure.TIPS_RECEIVED);
        long questions = t.sum(Measure.QUESTIONS);
        return new Row(
                unit,
                tips,
                unit.per1000(tips),
                questions,
                unit.per1000(questions),
                t.percent(Measure.TIPS_DECIDED, "in_time"),
                medianAnswer(t),
                t.of(Measure.INCIDENTS_CLOSED, "PREVENTED"),
                overdue);
    }

    public static @Nullable Long medianAnswer(Totals t) {
        return t.quantile(Measure.TIP_FIRST_ANSWER, Buckets.MINUTES, "m", 0.5);
    }

    /** The share of a measure that is {@code part}, in percent, for the period and its two comparisons. */
    private static Headline share(
            String key,
            Measure measure,
            String part,
            Totals now,
            Totals before,
            Totals yearAgo,
            boolean lowerIsBetter) {
        return new Headline(
                key,
                now.percent(measure, part),
                before.percent(measure, part),
                yearAgo.percent(measure, part),
                null,
                "percent",
                lowerIsBetter);
    }

    private static Headline count(
            String key, Measure measure, Totals now, Totals before, Totals yearAgo, @Nullable Unit perUnit) {
        long value = now.sum(measure);
        return new Headline(
                key,
                value,
                before.sum(measure),
                yearAgo.sum(measure),
                perUnit == null ? null : perUnit.per1000(value),
                "count",
                false);
    }

    private String seriesJson(Unit unit, Period period) {
        // The period and last year in one statement, only the measures the chart draws.
        var both = rollups.daily(
                unit.code(),
                unit.key(),
                List.of(period, period.lastYear()),
                List.of(Measure.TIPS_RECEIVED, Measure.QUESTIONS, Measure.TIPS_DECIDED));
        var days = both.get(0);
        var lastYear = both.get(1);
        List<String> labels = new ArrayList<>();
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (String name : List.of("tips", "questions", "decided", "tipsLastYear")) {
            series.put(name, new ArrayList<>());
        }
        var yearAgo = new ArrayList<>(lastYear.values());
        int i = 0;
        for (var day : days.entrySet()) {
            labels.add(day.getKey().toString());
            series.get("tips").add(day.getValue().getOrDefault(Measure.TIPS_RECEIVED, 0L));
            series.get("questions").add(day.getValue().getOrDefault(Measure.QUESTIONS, 0L));
            series.get("decided").add(day.getValue().getOrDefault(Measure.TIPS_DECIDED, 0L));
            series.get("tipsLastYear")
                    .add(i < yearAgo.size() ? yearAgo.get(i).getOrDefault(Measure.TIPS_RECEIVED, 0L) : 0L);
            i++;
        }
        return json.writeValueAsString(Map.of("days", labels, "series", series));
    }

    private String comparisonJson(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.unit().name());
            m.put("tips", r.tips());
            m.put("tipsPer1000", r.tipsPer1000());
            m.put("decidedInTime", r.decidedInTime());
            out.add(m);
        }
        return json.writeValueAsString(out);
    }
}
