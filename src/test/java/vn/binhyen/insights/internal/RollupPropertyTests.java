package vn.binhyen.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.MessageReceived;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.insights.internal.RollupStore.Key;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipDecided;
import vn.binhyen.reports.TipFirstAnswered;
import vn.binhyen.reports.TipReceived;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.support.IntegrationTest;

/**
 * Random streams of tips and messages, written as raw rows and as the events their modules publish: the rollups the
 * listeners' path builds from the events equal a GROUP BY over the raw rows (the rebuild's SQL), row for row, at
 * every level; and communes add up to their province. Times fall on bucket edges and around midnight on purpose.
 */
@IntegrationTest
class RollupPropertyTests {

    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    private static final AtomicInteger PROVINCES = new AtomicInteger(new Random().nextInt(500));

    record TipCase(
            int commune,
            int village,
            TipChannel channel,
            TipCategory category,
            long receivedMinute,
            long receivedMicros,
            @Nullable Long answerMinutes,
            @Nullable Long decisionMinutes,
            TipStatus outcome) {}

    record MessageCase(int commune, boolean group, long sentMinute) {}

    private static ApplicationContext context;

    private static synchronized ApplicationContext context() {
        if (context == null) {
            // jqwik has no Spring extension here: take the suite's cached context the way JUnit's extension does.
            context = new TestContextManager(RollupPropertyTests.class)
                    .getTestContext()
                    .getApplicationContext();
        }
        return context;
    }

    @Provide
    Arbitrary<List<TipCase>> tips() {
        // Minutes on and next to bucket bounds (5 min … 7 days, 20 days) are where Java and SQL could disagree.
        Arbitrary<Long> edges = Arbitraries.of(
                0L, 5L, 6L, 60L, 61L, 1440L, 1441L, 10080L, 10081L, 20 * 1440L, 20 * 1440L + 1, 90 * 1440L + 1);
        Arbitrary<Long> anyMinutes = Arbitraries.longs().between(0, 60 * 1440L);
        Arbitrary<@Nullable Long> duration =
                Arbitraries.oneOf(edges, anyMinutes).injectNull(0.3);
        var tip = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(-1, 3),
                        Arbitraries.of(TipChannel.class),
                        Arbitraries.of(TipCategory.class),
                        // around midnight in Vietnam (17:00 UTC) and anywhere in 400 days
                        Arbitraries.oneOf(
                                Arbitraries.longs().between(0, 400 * 1440L),
                                Arbitraries.longs().between(0, 399).map(d -> d * 1440 + 17 * 60 - 1)),
                        Arbitraries.longs().between(0, 59_999_999L),
                        duration,
                        duration)
                .as((c, v, ch, cat, minute, micros, answer, decision) ->
                        new TipCase(c, v, ch, cat, minute, micros, answer, decision, TipStatus.RESOLVED));
        var withOutcome = Combinators.combine(
                        tip, Arbitraries.of(TipStatus.RESOLVED, TipStatus.TRANSFERRED, TipStatus.REJECTED))
                .as((t, o) -> new TipCase(
                        t.commune(),
                        t.village(),
                        t.channel(),
                        t.category(),
                        t.receivedMinute(),
                        t.receivedMicros(),
                        t.answerMinutes(),
                        t.decisionMinutes(),
                        o));
        return withOutcome.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<MessageCase>> messages() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false),
                        Arbitraries.longs().between(0, 400 * 1440L))
                .as(MessageCase::new)
                .list()
                .ofMaxSize(30);
    }

    @Property(tries = 30)
    void rollupsFromEventsEqualAGroupByOverTheRawRows(
            @ForAll("tips") List<TipCase> tips,
            @ForAll("messages") List<MessageCase> messages,
            @ForAll @IntRange(min = -40, max = 420) int periodStart,
            @ForAll @IntRange(min = 0, max = 420) int periodLength) {
        JdbcClient jdbc = context().getBean(JdbcClient.class);
        Facts facts = context().getBean(Facts.class);
        RollupStore store = context().getBean(RollupStore.class);
        int n = PROVINCES.incrementAndGet();
        // Codes no real unit has (a letter first), so each try owns its rows in a database the suite shares.
        String province = "" + (char) ('A' + (n / 36) % 26) + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(n % 36);
        List<String> communes = List.of(province + "C01", province + "C02", province + "C03");
        long villageBase = 9_000_000_000L + n * 10L;

        List<Fact> stream = new ArrayList<>();
        int i = 0;
        for (TipCase t : tips) {
            String commune = communes.get(t.commune());
            Long village = t.village() < 0 ? null : villageBase + t.commune() * 1000L + t.village();
            Instant received = BASE.plus(Duration.ofMinutes(t.receivedMinute())).plusNanos(t.receivedMicros() * 1000);
            Instant answered = t.answerMinutes() == null ? null : received.plus(Duration.ofMinutes(t.answerMinutes()));
            Instant decided =
                    t.decisionMinutes() == null ? null : received.plus(Duration.ofMinutes(t.decisionMinutes()));
            long id = jdbc.sql("""
                            INSERT INTO reports.tips (code, secret_hash, province_code, commune_code, village_id, category,
                                description, anonymous, channel, status, received_at, first_answered_at, closed_at,
                                search_text)
                            VALUES (?, repeat('0', 64), ?, ?, ?, ?, 'thử', TRUE, ?, ?, ?, ?, ?, '') RETURNING id
                            """)
                    .params(
                            "P" + province + "-" + (i++) + "-" + System.nanoTime() % 100000,
                            province,
                            commune,
                            village,
                            t.category().name(),
                            t.channel().name(),
                            decided == null ? "IN_PROGRESS" : t.outcome().name(),
                            java.sql.Timestamp.from(received),
                            answered == null ? null : java.sql.Timestamp.from(answered),
                            decided == null ? null : java.sql.Timestamp.from(decided))
                    .query(Long.class)
                    .single();
            stream.addAll(facts.of(new TipReceived(
                    id,
                    "X",
                    province,
                    commune,
                    village,
                    t.category(),
                    t.channel(),
                    false,
                    received,
                    null,
                    null,
                    null,
                    null,
                    null)));
            if (answered != null) {
                stream.addAll(facts.of(new TipFirstAnswered(id, province, commune, village, received, answered)));
            }
            if (decided != null) {
                stream.addAll(facts.of(
                        new TipDecided(id, province, commune, village, t.outcome(), t.category(), received, decided)));
            }
        }
        for (MessageCase m : messages) {
            String commune = communes.get(m.commune());
            Instant sent = BASE.plus(Duration.ofMinutes(m.sentMinute()));
            ThreadKind kind = m.group() ? ThreadKind.GROUP : ThreadKind.RESIDENT;
            long thread = jdbc.sql("""
                            INSERT INTO conversations.threads (channel, kind, account_ref, contact_ref, province_code,
                                commune_code, created_at, last_message_at)
                            VALUES ('ZALO', ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (channel, account_ref, contact_ref) DO UPDATE SET last_message_at = EXCLUDED.last_message_at
                            RETURNING id
                            """)
                    .params(
                            kind.name(),
                            "oa" + commune,
                            kind.name() + commune,
                            province,
                            commune,
                            java.sql.Timestamp.from(sent),
                            java.sql.Timestamp.from(sent))
                    .query(Long.class)
                    .single();
            long message = jdbc.sql("""
                            INSERT INTO conversations.messages (thread_id, direction, kind, body, sent_at, recorded_at)
                            VALUES (?, 'INBOUND', 'TEXT', 'hỏi', ?, ?) RETURNING id
                            """)
                    .params(thread, java.sql.Timestamp.from(sent), java.sql.Timestamp.from(sent))
                    .query(Long.class)
                    .single();
            stream.addAll(facts.of(new MessageReceived(
                    thread,
                    message,
                    ConversationChannel.ZALO,
                    kind,
                    province,
                    commune,
                    MessageKind.TEXT,
                    "hỏi",
                    sent,
                    null,
                    null,
                    null)));
        }
        // Events arrive in any order and in batches of any size.
        Collections.shuffle(stream, new Random(n));
        for (int from = 0; from < stream.size(); from += 7) {
            store.add(stream.subList(from, Math.min(stream.size(), from + 7)));
        }

        Map<Key, Long> expected = groupByOverRawRows(jdbc, province);
        Map<Key, Long> actual = new TreeMap<>();
        actual.putAll(store.rowsFor('P', List.of(province)));
        actual.putAll(store.rowsFor('C', communes));
        List<String> villages = expected.keySet().stream()
                .filter(k -> k.level() == 'V')
                .map(Key::unit)
                .distinct()
                .toList();
        actual.putAll(store.rowsFor('V', villages));
        assertThat(actual).isEqualTo(expected);

        // Drill-down: the communes add up to their province, row by row.
        Map<String, Long> province2 = new TreeMap<>();
        Map<String, Long> communes2 = new TreeMap<>();
        actual.forEach((k, v) -> {
            String key = k.day() + "/" + k.measure() + "/" + k.dim();
            if (k.level() == 'P') {
                province2.merge(key, v, Long::sum);
            } else if (k.level() == 'C') {
                communes2.merge(key, v, Long::sum);
            }
        });
        assertThat(communes2).isEqualTo(province2);

        // The monthly rows the dashboards read for whole months: the daily rows summed per month, for provinces and
        // communes.
        Map<Key, Long> monthly = new TreeMap<>(store.monthlyRowsFor('P', List.of(province)));
        monthly.putAll(store.monthlyRowsFor('C', communes));
        assertThat(monthly).isEqualTo(RollupStore.monthlyRowsOf(expected));

        // Any period, read from months and days, sums exactly the daily rows of its days.
        LocalDate from = Facts.day(BASE).plusDays(periodStart);
        Period period = new Period(from, from.plusDays(periodLength));
        assertThat(dims(store.totals('P', province, period.from(), period.to())))
                .isEqualTo(sumOfDays(expected, 'P', province, period));
        Map<String, Totals> children = store.children('C', communes, period.from(), period.to());
        for (String commune : communes) {
            assertThat(dims(children.getOrDefault(commune, new Totals())))
                    .as(commune)
                    .isEqualTo(sumOfDays(expected, 'C', commune, period));
        }
    }

    private static Map<String, Long> dims(Totals totals) {
        Map<String, Long> dims = new TreeMap<>();
        for (Measure m : Measure.values()) {
            totals.dims(m).forEach((dim, v) -> dims.put(m + "/" + dim, v));
        }
        return dims;
    }

    private static Map<String, Long> sumOfDays(Map<Key, Long> rows, char level, String unit, Period period) {
        Map<String, Long> sums = new TreeMap<>();
        rows.forEach((k, v) -> {
            if (k.level() == level
                    && k.unit().equals(unit)
                    && !k.day().isBefore(period.from())
                    && !k.day().isAfter(period.to())) {
                sums.merge(k.measure() + "/" + k.dim(), v, Long::sum);
            }
        });
        return sums;
    }

    /** The rebuild's statement over the raw rows, expanded to the three levels: the reference. */
    private static Map<Key, Long> groupByOverRawRows(JdbcClient jdbc, String province) {
        Map<Key, Long> rows = new TreeMap<>();
        String facts = "(" + RollupStore.rawFacts() + ") f WHERE f.p = :province";
        for (String level : List.of(
                "SELECT 'P' AS l, p AS u, '' AS parent, day, measure, dim, sum(n) AS v FROM " + facts
                        + " GROUP BY p, day, measure, dim",
                "SELECT 'C', c, p, day, measure, dim, sum(n) FROM " + facts
                        + " AND c IS NOT NULL GROUP BY c, p, day, measure, dim",
                "SELECT 'V', v::text, c, day, measure, dim, sum(n) FROM " + facts
                        + " AND v IS NOT NULL GROUP BY v, c, day, measure, dim")) {
            jdbc.sql(level).param("province", province).param("days", 20).query(rs -> {
                rows.put(
                        new Key(
                                rs.getString(1).charAt(0),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getDate(4).toLocalDate(),
                                Measure.valueOf(rs.getString(5)),
                                rs.getString(6)),
                        rs.getLong(7));
            });
        }
        return rows;
    }
}
