package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.internal.LegalClocks;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/** The holiday calendar the register's clocks use: seeded for 2026–2027, kept by the administrator, audited. */
@IntegrationTest
class HolidayCalendarTests {

    @Autowired
    LegalClocks clocks;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    private static java.time.Instant at(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 10, 0, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static LocalDate lastDay(java.time.Instant due) {
        return LegalClocks.localDate(due.minusNanos(1));
    }

    @Test
    void theSeededHolidaysMoveTheRegistersDeadlines() {
        // Thursday 13 August 2026 + 20 days = Wednesday 2 September, National Day: the limit ends on Thursday 3.
        assertThat(lastDay(clocks.resolutionDue(at(2026, 8, 13)))).isEqualTo(LocalDate.of(2026, 9, 3));
        // 27 January 2026 + 20 days = 16 February, the eve of Tết: Tết and a weekend follow, so Monday 23 February.
        assertThat(lastDay(clocks.resolutionDue(at(2026, 1, 27)))).isEqualTo(LocalDate.of(2026, 2, 23));
        // A month from 27 March 2027 is Tuesday 27 April 2027, a working day: unchanged.
        assertThat(lastDay(clocks.resumedDue(at(2027, 3, 27)))).isEqualTo(LocalDate.of(2027, 4, 27));
        // A month from 16 March 2027 is the Hùng Kings' day, Friday 16 April 2027: Monday 19 April.
        assertThat(lastDay(clocks.resumedDue(at(2027, 3, 16)))).isEqualTo(LocalDate.of(2027, 4, 19));
    }

    @Test
    void theAdministratorAddsAndRemovesAHolidayAndEachChangeIsAudited() {
        SignedInOfficer admin = RegisterFixtures.signedIn(
                directory, RegisterFixtures.officer(jdbc, Fixtures.commune(jdbc).code(), "ADMINISTRATOR"));
        assertThat(lastDay(clocks.resolutionDue(at(2027, 11, 4)))).isEqualTo(LocalDate.of(2027, 11, 24));

        assertThat(mvc.post()
                        .uri("/admin/holidays")
                        .param("day", "2027-11-24")
                        .param("name", "Ngày Văn hoá Việt Nam")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Ngày Văn hoá Việt Nam");
        assertThat(lastDay(clocks.resolutionDue(at(2027, 11, 4)))).isEqualTo(LocalDate.of(2027, 11, 25));
        assertThat(mvc.get().uri("/admin/holidays?year=2026").with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Tết Nguyên đán (mùng 1)")
                .contains("Quốc khánh");

        assertThat(mvc.post()
                        .uri("/admin/holidays/remove")
                        .param("day", "2027-11-24")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatusOk();
        assertThat(lastDay(clocks.resolutionDue(at(2027, 11, 4)))).isEqualTo(LocalDate.of(2027, 11, 24));
        assertThat(jdbc.sql("SELECT detail FROM audit.entries WHERE subject = 'holiday:2027-11-24' ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("added: Ngày Văn hoá Việt Nam", "removed");
    }

    @Test
    void badInputIsAVietnameseBadRequestAndOnlyAdministratorsMayEdit() {
        SignedInOfficer admin = RegisterFixtures.signedIn(
                directory, RegisterFixtures.officer(jdbc, Fixtures.commune(jdbc).code(), "ADMINISTRATOR"));
        assertThat(mvc.post()
                        .uri("/admin/holidays")
                        .param("day", "31/12/2027")
                        .param("name", "x")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatus(400)
                .bodyText()
                .contains("Ngày không hợp lệ");
        assertThat(mvc.post()
                        .uri("/admin/holidays")
                        .param("day", "2027-12-31")
                        .param("name", " ")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatus(400)
                .bodyText()
                .contains("Cần ghi tên ngày nghỉ");
        assertThat(mvc.get().uri("/admin/holidays?year=abc").with(user(admin))).hasStatus(400);
        var commune = Fixtures.commune(jdbc);
        assertThat(mvc.post()
                        .uri("/admin/holidays")
                        .param("day", "2027-12-31")
                        .param("name", "Nghỉ")
                        .with(user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief())))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(jdbc.sql("SELECT count(*) FROM reports.holidays WHERE day = DATE '2027-12-31'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
