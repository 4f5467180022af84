package vn.binhyen.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * The inbox shows exactly the tips in the officer's scope that match the filter, urgent first, newest first, page by
 * page. An area officer's scope ("my villages, or assigned to me") is read as a merge of one part per village plus
 * one for what is assigned elsewhere; this checks that merge against the rule itself on every page.
 */
@IntegrationTest
class InboxQueryTests {

    @Autowired
    InboxQuery inbox;

    @Autowired
    JdbcClient jdbc;

    TestCommune commune;
    long villageC;
    final List<Tip> tips = new ArrayList<>();

    record Tip(
            String code,
            @Nullable Long villageId,
            @Nullable Long assignedOfficerId,
            TipStatus status,
            TipCategory category,
            boolean urgent,
            Instant receivedAt,
            boolean racing) {}

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
        villageC = jdbc.sql("INSERT INTO directory.villages (commune_code, name, kind) VALUES (?, 'Thôn C', 'VILLAGE')"
                        + " RETURNING id")
                .param(commune.code())
                .query(Long.class)
                .single();
        // Officer A covers two villages (A and C): the merge then has three parts.
        jdbc.sql("INSERT INTO directory.jurisdictions (officer_id, village_id) VALUES (?, ?)")
                .params(commune.officerA(), villageC)
                .update();
        Long[] villages = {commune.villageA(), commune.villageB(), villageC, null};
        Long[] officers = {commune.officerA(), commune.officerB(), commune.chief(), null, commune.officerA()};
        TipStatus[] statuses = TipStatus.values();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 140; i++) {
            boolean racing = i % 3 == 0;
            var tip = new Tip(
                    TipCodes.newCode(),
                    villages[i % villages.length],
                    officers[(i / 2) % officers.length],
                    statuses[(i / 3) % statuses.length],
                    racing ? TipCategory.ILLEGAL_RACING : TipCategory.THEFT,
                    i % 7 == 0,
                    now.minus(Duration.ofMinutes(17L * i + (i % 5))),
                    racing);
            String description = racing ? "Thanh niên tụ tập đua xe, nẹt pô" : "Mất trộm xe máy trước sân";
            jdbc.sql("""
                            INSERT INTO reports.tips (code, secret_hash, province_code, commune_code, village_id,
                                category, description, urgent, anonymous, channel, status, assigned_officer_id,
                                received_at, search_text)
                            VALUES (?, 'x', ?, ?, ?, ?, ?, ?, false, 'PORTAL', ?, ?, ?, ?)
                            """)
                    .params(
                            tip.code(),
                            commune.provinceCode(),
                            commune.code(),
                            tip.villageId(),
                            tip.category().name(),
                            description,
                            tip.urgent(),
                            tip.status().name(),
                            tip.assignedOfficerId(),
                            Timestamp.from(tip.receivedAt()),
                            TipSearchText.of(tip.code(), description, null, null))
                    .update();
            tips.add(tip);
        }
    }

    @Test
    void areaOfficerSeesTheirVillagesAndWhatIsAssignedToThemOnEveryPageOfEveryFilter() {
        var scope = new AccessScope(
                commune.officerA(),
                OfficerRole.AREA_OFFICER,
                commune.code(),
                commune.provinceCode(),
                Set.of(commune.villageA(), villageC));
        assertEveryFilter(scope);
    }

    @Test
    void areaOfficerWithoutVillagesSeesWhatIsAssignedToThem() {
        var scope = new AccessScope(
                commune.officerB(), OfficerRole.AREA_OFFICER, commune.code(), commune.provinceCode(), Set.of());
        assertEveryFilter(scope);
    }

    @Test
    void chiefSeesTheWholeCommune() {
        var scope = new AccessScope(
                commune.chief(), OfficerRole.COMMUNE_CHIEF, commune.code(), commune.provinceCode(), Set.of());
        assertEveryFilter(scope);
    }

    private void assertEveryFilter(AccessScope scope) {
        long me = scope.officerId();
        assertPages(scope, filter(null, null, true, null, null, false, false), TipStatus::isOpen);
        assertPages(scope, filter(null, null, false, null, null, false, false), s -> true);
        assertPages(
                scope, filter(null, TipStatus.RESOLVED, false, null, null, false, false), s -> s == TipStatus.RESOLVED);
        assertPages(scope, filter("dua xe", null, false, null, null, false, false), s -> true, Tip::racing);
        assertPages(scope, filter("Đua", null, true, null, null, false, false), TipStatus::isOpen, Tip::racing);
        assertPages(
                scope,
                filter(null, null, false, TipCategory.THEFT, null, false, false),
                s -> true,
                t -> t.category() == TipCategory.THEFT);
        assertPages(
                scope,
                filter(null, null, false, null, villageC, false, false),
                s -> true,
                t -> Long.valueOf(villageC).equals(t.villageId()));
        assertPages(scope, filter(null, null, false, null, null, true, false), s -> true, Tip::urgent);
        for (Tip pasted : List.of(tips.get(0), tips.get(1), tips.get(6))) {
            assertPages(
                    scope,
                    filter(pasted.code(), null, false, null, null, false, false),
                    s -> true,
                    t -> t.code().equals(pasted.code()),
                    false);
        }
        assertPages(scope, filter("tb", null, false, null, null, false, false), s -> true);
        assertPages(
                scope,
                filter(null, null, false, null, null, false, true),
                s -> true,
                t -> Long.valueOf(me).equals(t.assignedOfficerId()));
    }

    private static InboxFilter filter(
            @Nullable String q,
            @Nullable TipStatus status,
            boolean openOnly,
            @Nullable TipCategory category,
            @Nullable Long village,
            boolean urgent,
            boolean mine) {
        return new InboxFilter(q, status, openOnly, category, village, urgent, mine, 0);
    }

    private void assertPages(AccessScope scope, InboxFilter filter, Predicate<TipStatus> status) {
        assertPages(scope, filter, status, t -> true);
    }

    private void assertPages(
            AccessScope scope, InboxFilter filter, Predicate<TipStatus> status, Predicate<Tip> matches) {
        assertPages(scope, filter, status, matches, true);
    }

    private void assertPages(
            AccessScope scope,
            InboxFilter filter,
            Predicate<TipStatus> status,
            Predicate<Tip> matches,
            boolean mustShowSomething) {
        List<String> expected = tips.stream()
                .filter(t -> scope.covers(commune.provinceCode(), commune.code(), t.villageId(), t.assignedOfficerId()))
                .filter(t -> status.test(t.status()))
                .filter(matches)
                .sorted(Comparator.comparing(Tip::urgent)
                        .thenComparing(Tip::receivedAt)
                        .reversed())
                .map(Tip::code)
                .toList();
        if (mustShowSomething) {
            assertThat(expected)
                    .as("the fixture leaves this filter something to show")
                    .isNotEmpty();
        }
        List<String> shown = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = inbox.find(
                    scope,
                    new InboxFilter(
                            filter.q(),
                            filter.status(),
                            filter.openOnly(),
                            filter.category(),
                            filter.villageId(),
                            filter.urgentOnly(),
                            filter.mineOnly(),
                            page));
            assertThat(result.items()).hasSizeLessThanOrEqualTo(InboxFilter.PAGE_SIZE);
            result.items().forEach(item -> shown.add(item.code()));
            if (!result.hasNext()) {
                break;
            }
        }
        assertThat(shown).as("%s", filter).isEqualTo(expected);
    }
}
