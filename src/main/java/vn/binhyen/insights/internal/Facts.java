package vn.binhyen.insights.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.binhyen.bulletins.BulletinPublished;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.conversations.QuestionAnswered;
import vn.binhyen.conversations.QuestionAsked;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.directory.Directory;
import vn.binhyen.incidents.IncidentClosed;
import vn.binhyen.incidents.UrgentAlertRaised;
import vn.binhyen.reports.TipDecided;
import vn.binhyen.reports.TipFirstAnswered;
import vn.binhyen.reports.TipReceived;
import vn.binhyen.shared.VietnamTime;

/**
 * What each module event counts for. Kept apart from the listeners so that property tests feed it random event
 * streams, and kept in step with the SQL of {@link RollupStore#rebuild}: the same fact, from the raw rows.
 */
@Component
public class Facts {

    private final InsightsProperties properties;
    private final Directory directory;

    Facts(InsightsProperties properties, Directory directory) {
        this.properties = properties;
        this.directory = directory;
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, VietnamTime.ZONE);
    }

    public List<Fact> of(TipReceived e) {
        return List.of(new Fact(
                e.provinceCode(),
                e.communeCode(),
                e.villageId(),
                day(e.receivedAt()),
                Measure.TIPS_RECEIVED,
                e.channel().name(),
                1));
    }

    public List<Fact> of(TipFirstAnswered e) {
        return List.of(new Fact(
                e.provinceCode(),
                e.communeCode(),
                e.villageId(),
                day(e.answeredAt()),
                Measure.TIP_FIRST_ANSWER,
                Buckets.minutes(e.receivedAt(), e.answeredAt()),
                1));
    }

    public List<Fact> of(TipDecided e) {
        LocalDate day = day(e.decidedAt());
        String inTime = Buckets.within(e.receivedAt(), e.decidedAt(), properties.decisionDays()) ? "in_time" : "late";
        return List.of(
                new Fact(e.provinceCode(), e.communeCode(), e.villageId(), day, Measure.TIPS_DECIDED, inTime, 1),
                new Fact(
                        e.provinceCode(),
                        e.communeCode(),
                        e.villageId(),
                        day,
                        Measure.TIP_DECISION_TIME,
                        Buckets.days(e.receivedAt(), e.decidedAt()),
                        1),
                new Fact(
                        e.provinceCode(),
                        e.communeCode(),
                        e.villageId(),
                        day,
                        Measure.TIPS_BY_CATEGORY,
                        e.category().name(),
                        1));
    }

    public List<Fact> of(MessageReceived e) {
        Measure measure = e.threadKind() == ThreadKind.RESIDENT ? Measure.QUESTIONS : Measure.GROUP_MESSAGES;
        return List.of(new Fact(e.provinceCode(), e.communeCode(), null, day(e.sentAt()), measure, "", 1));
    }

    /** Counted at the commune, as messages are: the thread's village may be learned after the question. */
    public List<Fact> of(QuestionAsked e) {
        return List.of(new Fact(
                e.provinceCode(),
                e.communeCode(),
                null,
                day(e.askedAt()),
                Measure.QUESTIONS_ASKED,
                e.goodMatch() ? "good" : "unmatched",
                1));
    }

    public List<Fact> of(QuestionAnswered e) {
        return List.of(new Fact(
                e.provinceCode(),
                e.communeCode(),
                null,
                day(e.answeredAt()),
                Measure.QUESTIONS_ANSWERED,
                e.automatic() ? "automatic" : "officer",
                1));
    }

    public List<Fact> of(BulletinPublished e) {
        LocalDate day = day(e.publishedAt());
        String kind = e.kind().name();
        if (e.provinceWide()) {
            return List.of(new Fact(e.provinceCode(), null, null, day, Measure.BULLETINS, kind, 1));
        }
        // A commune reached whole or through some of its villages counts once.
        var communes = new TreeSet<>(e.communeCodes());
        for (long village : e.villageIds()) {
            directory.village(village).ifPresent(v -> communes.add(v.communeCode()));
        }
        List<Fact> facts = new ArrayList<>();
        for (String commune : communes) {
            facts.add(new Fact(e.provinceCode(), commune, null, day, Measure.BULLETINS, kind, 1));
        }
        return facts;
    }

    public List<Fact> of(UrgentAlertRaised e) {
        return List.of(new Fact(
                e.provinceCode(), e.communeCode(), e.villageId(), day(e.raisedAt()), Measure.URGENT_ALERTS, "", 1));
    }

    public List<Fact> of(IncidentClosed e) {
        LocalDate day = day(e.closedAt());
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(
                e.provinceCode(),
                e.communeCode(),
                e.villageId(),
                day,
                Measure.INCIDENTS_CLOSED,
                e.outcome().name(),
                1));
        for (String category : new TreeSet<>(e.categories())) {
            facts.add(new Fact(
                    e.provinceCode(), e.communeCode(), e.villageId(), day, Measure.INCIDENTS_BY_CATEGORY, category, 1));
        }
        return facts;
    }
}
