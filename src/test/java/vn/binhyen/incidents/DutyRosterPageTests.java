package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.DutyRoster;
import vn.binhyen.directory.DutyShiftView;
import vn.binhyen.directory.NewDutyShift;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/**
 * The duty roster page over real HTTP: the chief and staff keep their commune's roster, everyone else in the commune
 * and the province command read it, nobody reaches another commune's roster; refusals are 4xx in Vietnamese, next to
 * the field; every change is in the audit log.
 */
@IntegrationTest
class DutyRosterPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    DutyRoster roster;

    TestCommune commune;
    TestCommune other;

    @BeforeEach
    void communes() {
        commune = Fixtures.commune(jdbc);
        other = Fixtures.commune(jdbc);
    }

    RequestPostProcessor chief(TestCommune c) {
        return user(Fixtures.signedIn(directory, c.chiefLogin(), c.chief()));
    }

    RequestPostProcessor officerA(TestCommune c) {
        return user(Fixtures.signedIn(directory, c.officerALogin(), c.officerA()));
    }

    RequestPostProcessor staff(TestCommune c) {
        return user(Fixtures.signedIn(directory, "staff" + c.code(), c.staff()));
    }

    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), VietnamTime.ZONE)
                .toString();
    }

    DutyShiftView shift(TestCommune c, long officer, Duration fromNow, Duration length) {
        Instant start = Instant.now().plus(fromNow);
        return roster.add(c.code(), new NewDutyShift(officer, start, start.plus(length), List.of()), "test", c.chief());
    }

    List<Long> shiftsOf(TestCommune c) {
        return jdbc.sql("SELECT id FROM directory.duty_shifts WHERE commune_code = ? ORDER BY id")
                .param(c.code())
                .query(Long.class)
                .list();
    }

    List<String> audited(long shiftId) {
        return jdbc.sql(
                        "SELECT actor || ' ' || action || ' ' || detail FROM audit.entries WHERE subject = ? ORDER BY id")
                .param("duty-shift:" + shiftId)
                .query(String.class)
                .list();
    }

    @Test
    void theChiefAddsAShiftThroughTheFormAndTheChangeIsAudited() {
        assertThat(mvc.get().uri("/console/duty").with(chief(commune)))
                .hasStatusOk()
                .bodyText()
                .contains("Lịch trực")
                .contains("Tuần này")
                .contains("Tuần sau")
                .contains("id=\"duty-add\"")
                .contains("Khu vực B " + commune.code());

        Instant start = Instant.now().plus(Duration.ofHours(30));
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("from", local(start))
                        .param("to", local(start.plus(Duration.ofHours(12))))
                        .param("villageIds", String.valueOf(commune.villageA())))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/console/duty");

        List<Long> shifts = shiftsOf(commune);
        assertThat(shifts).hasSize(1);
        DutyShiftView added = roster.shift(commune.code(), shifts.getFirst()).orElseThrow();
        assertThat(added.officerId()).isEqualTo(commune.officerB());
        assertThat(added.villageIds()).containsExactly(commune.villageA());
        assertThat(added.startsAt()).isEqualTo(start.truncatedTo(ChronoUnit.MINUTES));
        assertThat(Duration.between(added.startsAt(), added.endsAt())).isEqualTo(Duration.ofHours(12));
        assertThat(added.addedByName()).isEqualTo("Trưởng " + commune.code());
        assertThat(audited(added.id()))
                .singleElement()
                .asString()
                .startsWith(commune.chiefLogin() + " ROSTER_CHANGE ADDED: commune " + commune.code());

        assertThat(mvc.get().uri("/console/duty").with(chief(commune)))
                .hasStatusOk()
                .bodyText()
                .contains("data-shift-id=\"" + added.id() + "\"")
                .contains("Thôn A");
    }

    @Test
    void aBadShiftIsA422WithTheReasonNextToTheFieldAndNothingIsAdded() {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        String from = local(start);
        String to = local(start.plus(Duration.ofHours(8)));
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("from", to)
                        .param("to", from))
                .hasStatus(422)
                .bodyText()
                .contains("Giờ kết thúc phải sau giờ bắt đầu");
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", String.valueOf(other.officerA()))
                        .param("from", from)
                        .param("to", to))
                .hasStatus(422)
                .bodyText()
                .contains("Hãy chọn một cán bộ của đơn vị");
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("from", from)
                        .param("to", to)
                        .param("villageIds", String.valueOf(other.villageA())))
                .hasStatus(422)
                .bodyText()
                .contains("Thôn, tổ dân phố không thuộc xã của đơn vị");
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("from", "ngày mai")
                        .param("to", to))
                .hasStatus(422)
                .bodyText()
                .contains("Thời gian không đọc được");
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("from", from)
                        .param("to", to))
                .hasStatus(422)
                .bodyText()
                .contains("Hãy chọn một cán bộ của đơn vị");
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", "abc")
                        .param("from", from)
                        .param("to", to))
                .hasStatus(400);
        // The form keeps what was typed, the error sits under its field.
        assertThat(mvc.post()
                        .uri("/console/duty/shifts")
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("from", to)
                        .param("to", from))
                .bodyText()
                .containsPattern(
                        "id=\"duty-to\"[^>]*value=\"" + from + "\"[^>]*>\\s*<span class=\"field-error\">Giờ kết thúc");
        assertThat(shiftsOf(commune)).isEmpty();
    }

    @Test
    void aShiftUnderWayEndsEarlyAndAFutureOneIsRemovedBothAudited() {
        DutyShiftView current = shift(commune, commune.officerA(), Duration.ofHours(-2), Duration.ofHours(8));
        DutyShiftView future = shift(commune, commune.officerB(), Duration.ofDays(2), Duration.ofHours(8));

        assertThat(mvc.post()
                        .uri("/console/duty/shifts/" + current.id() + "/delete")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Ca trực đã bắt đầu, không xoá được");
        assertThat(mvc.post()
                        .uri("/console/duty/shifts/" + future.id() + "/end")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Chỉ kết thúc sớm được ca đang trực");

        assertThat(mvc.post()
                        .uri("/console/duty/shifts/" + current.id() + "/end")
                        .with(staff(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(roster.shift(commune.code(), current.id()).orElseThrow().endsAt())
                .isBefore(current.endsAt())
                .isBeforeOrEqualTo(Instant.now());
        assertThat(roster.onDutyAt(commune.code(), Instant.now())).isEmpty();

        assertThat(mvc.post()
                        .uri("/console/duty/shifts/" + future.id() + "/delete")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(shiftsOf(commune)).containsExactly(current.id());

        assertThat(audited(current.id()))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("staff" + commune.code() + " ROSTER_CHANGE ENDED_EARLY");
        assertThat(audited(future.id())).last().asString().startsWith(commune.chiefLogin() + " ROSTER_CHANGE REMOVED");
    }

    @Test
    void theCommuneReadsItsRosterOnlyItsChiefAndStaffChangeItAndNobodyReachesAnotherCommunes() {
        DutyShiftView mine = shift(commune, commune.officerB(), Duration.ofHours(-1), Duration.ofHours(8));
        DutyShiftView theirs = shift(other, other.officerB(), Duration.ofDays(1), Duration.ofHours(8));
        String add = "/console/duty/shifts";

        // The area officer sees who is on duty, without the form, and changes nothing.
        assertThat(mvc.get().uri("/console/duty").with(officerA(commune)))
                .hasStatusOk()
                .bodyText()
                .contains("Khu vực B " + commune.code())
                .doesNotContain("id=\"duty-add\"")
                .doesNotContain("/console/duty/shifts/" + mine.id() + "/end");
        for (String uri : List.of(
                add + "?officerId=" + commune.officerA(),
                add + "/" + mine.id() + "/end",
                add + "/" + mine.id() + "/delete")) {
            assertThat(mvc.post().uri(uri).with(officerA(commune)).with(csrf()))
                    .hasStatus(403)
                    .bodyText()
                    .contains("Chỉ lãnh đạo và cán bộ công an xã được thay đổi lịch trực");
        }

        // Another commune's roster, by any URL: not found, and untouched.
        assertThat(mvc.get().uri("/console/duty?commune=" + other.code()).with(chief(commune)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/console/duty?commune=" + other.code()).with(officerA(commune)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/console/duty?commune=99999x").with(chief(commune)))
                .hasStatus(404);
        for (String action : List.of("end", "delete")) {
            assertThat(mvc.post()
                            .uri(add + "/" + theirs.id() + "/" + action)
                            .with(chief(commune))
                            .with(csrf()))
                    .hasStatus(404);
        }
        assertThat(roster.shift(other.code(), theirs.id())).contains(theirs);
        // A shift added by the chief always lands in the chief's own commune.
        Instant start = Instant.now().plus(Duration.ofHours(5));
        assertThat(mvc.post()
                        .uri(add + "?commune=" + other.code())
                        .with(chief(commune))
                        .with(csrf())
                        .param("officerId", String.valueOf(other.officerA()))
                        .param("from", local(start))
                        .param("to", local(start.plus(Duration.ofHours(4)))))
                .hasStatus(422);
        assertThat(shiftsOf(other)).containsExactly(theirs.id());

        // The province command reads any commune of its province, read-only; another province's is not found.
        long province = RegisterFixtures.provinceCommand(jdbc, commune.provinceCode());
        var command = user(RegisterFixtures.signedIn(directory, province));
        assertThat(mvc.get().uri("/console/duty").with(command))
                .hasStatusOk()
                .bodyText()
                .contains("/console/duty?commune=" + commune.code());
        assertThat(mvc.get().uri("/console/duty?commune=" + commune.code()).with(command))
                .hasStatusOk()
                .bodyText()
                .contains("Khu vực B " + commune.code())
                .doesNotContain("id=\"duty-add\"");
        assertThat(mvc.post().uri(add + "/" + mine.id() + "/end").with(command).with(csrf()))
                .hasStatus(403);
        String elsewhere = commune.provinceCode().equals("88") ? "87" : "88";
        var stranger = user(RegisterFixtures.signedIn(directory, RegisterFixtures.provinceCommand(jdbc, elsewhere)));
        assertThat(mvc.get().uri("/console/duty?commune=" + commune.code()).with(stranger))
                .hasStatus(404);
        var admin = user(RegisterFixtures.signedIn(
                directory, RegisterFixtures.officer(jdbc, commune.provinceCode(), "ADMINISTRATOR")));
        assertThat(mvc.get().uri("/console/duty").with(admin)).hasStatus(404);
        assertThat(mvc.post().uri(add + "/" + mine.id() + "/delete").with(admin).with(csrf()))
                .hasStatus(403);

        assertThat(roster.shift(commune.code(), mine.id())).contains(mine);
    }

    @Test
    void theIncidentBoardShowsWhoIsOnDutyNow() {
        shift(commune, commune.officerB(), Duration.ofHours(-1), Duration.ofHours(8));
        shift(commune, commune.staff(), Duration.ofHours(3), Duration.ofHours(8));
        assertThat(mvc.get().uri("/console/incidents").with(officerA(commune)))
                .hasStatusOk()
                .bodyText()
                .containsPattern("id=\"board-on-duty\"[\\s\\S]*Khu vực B " + commune.code() + "[\\s\\S]*/console/duty")
                .doesNotContain("Cán bộ " + commune.code());
        assertThat(mvc.get().uri("/console/incidents").with(officerA(other)))
                .hasStatusOk()
                .bodyText()
                .contains("Không ai trong lịch trực lúc này");
    }
}
