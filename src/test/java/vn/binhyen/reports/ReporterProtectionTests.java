package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/**
 * The reporter's identity appears only for the assigned officer and the commune chief, after a stated reason that is
 * recorded; never in logs, never in the HTML others get, never in exports without the right and a reason.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReporterProtectionTests {

    private static final List<String> SECRETS = List.of(
            RegisterFixtures.NAME,
            RegisterFixtures.PHONE,
            RegisterFixtures.ADDRESS,
            RegisterFixtures.ID_NUMBER,
            "zalo-uid-4242");

    @Autowired
    MockMvcTester mvc;

    /** The register's days are Vietnam's, by the application's clock (a test may have moved it). */
    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    TipIntake intake;

    TestCommune commune;
    long tip;

    @BeforeEach
    void setUp() throws Exception {
        commune = Fixtures.commune(jdbc);
        tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
    }

    private SignedInOfficer chief() {
        return Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
    }

    private SignedInOfficer officerA() {
        return Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA());
    }

    private SignedInOfficer staff() {
        return Fixtures.signedIn(directory, "staff" + commune.code(), commune.staff());
    }

    private static void assertNoIdentity(String text) {
        String squeezed = text.replaceAll("\\s", "");
        for (String secret : SECRETS) {
            assertThat(text).doesNotContain(secret);
            assertThat(squeezed).doesNotContain(secret.replaceAll("\\s", ""));
        }
    }

    @Test
    void nobodySeesTheIdentityOnPagesWithoutRevealingIt(CapturedOutput output) throws Exception {
        long province = RegisterFixtures.provinceCommand(jdbc, commune.provinceCode());
        for (SignedInOfficer officer :
                List.of(chief(), officerA(), staff(), RegisterFixtures.signedIn(directory, province))) {
            String page = mvc.get()
                    .uri("/console/tips/{id}", tip)
                    .with(user(officer))
                    .exchange()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("Người báo tin được bảo vệ");
            assertNoIdentity(page);
            String book = mvc.get()
                    .uri("/console/register")
                    .with(user(officer))
                    .exchange()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertNoIdentity(book);
        }
        assertNoIdentity(output.getAll());
    }

    @Test
    void theChiefSeesTheIdentityAfterStatingAReasonAndTheRevealIsRecorded(CapturedOutput output) throws Exception {
        assertThat(mvc.post()
                        .uri("/console/tips/{id}/identity", tip)
                        .param("reason", "")
                        .with(user(chief()))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        var response = mvc.post()
                .uri("/console/tips/{id}/identity", tip)
                .param("reason", "Cần mời làm việc để lấy lời khai")
                .with(user(chief()))
                .with(csrf())
                .exchange();
        String page = response.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(RegisterFixtures.NAME).contains(RegisterFixtures.PHONE);
        assertThat(jdbc.sql("SELECT reason FROM reports.identity_reveals WHERE tip_id = ?")
                        .param(tip)
                        .query(String.class)
                        .list())
                .containsExactly("Cần mời làm việc để lấy lời khai");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE subject = ? AND action = 'IDENTITY_REVEAL'")
                        .param("tip:" + tip)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertNoIdentity(output.getAll());
    }

    @Test
    void staffAndUnassignedOfficersCannotRevealButTheAssignedOfficerCan() throws Exception {
        for (SignedInOfficer officer : List.of(staff(), officerA())) {
            assertThat(mvc.post()
                            .uri("/console/tips/{id}/identity", tip)
                            .param("reason", "tò mò")
                            .with(user(officer))
                            .with(csrf()))
                    .hasStatus3xxRedirection()
                    .flash()
                    .containsKey("actionError");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM reports.identity_reveals WHERE tip_id = ?")
                        .param(tip)
                        .query(Long.class)
                        .single())
                .isZero();
        jdbc.sql("UPDATE reports.tips SET assigned_officer_id = ? WHERE id = ?")
                .params(commune.officerA(), tip)
                .update();
        String page = mvc.post()
                .uri("/console/tips/{id}/identity", tip)
                .param("reason", "Xác minh tại nhà")
                .with(user(officerA()))
                .with(csrf())
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(RegisterFixtures.NAME);
    }

    @Test
    void exportsAndPrintoutsAreRedactedUnlessTheChiefGivesAReason() throws Exception {
        String today = LocalDate.now(clock.withZone(VietnamTime.ZONE)).toString();
        String yesterday =
                LocalDate.now(clock.withZone(VietnamTime.ZONE)).minusDays(1).toString();
        for (SignedInOfficer officer : List.of(chief(), staff(), officerA())) {
            for (String format : List.of("xlsx", "pdf")) {
                var file = mvc.get()
                        .uri("/console/register/export?from={f}&to={t}&format={x}", yesterday, today, format)
                        .with(user(officer))
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray();
                String text = format.equals("pdf") ? RegisterFixtures.pdfText(file) : RegisterFixtures.xlsxText(file);
                assertThat(text).contains("Người báo tin được bảo vệ");
                assertNoIdentity(text);
            }
            byte[] receipt = mvc.get()
                    .uri("/console/tips/{id}/receipt.pdf", tip)
                    .with(user(officer))
                    .exchange()
                    .getResponse()
                    .getContentAsByteArray();
            assertNoIdentity(RegisterFixtures.pdfText(receipt));
        }
        // Staff asking with a reason get no file and no identity.
        assertThat(mvc.post()
                        .uri("/console/register/export")
                        .param("from", yesterday)
                        .param("to", today)
                        .param("format", "pdf")
                        .param("reason", "cần")
                        .with(user(staff()))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        byte[] withIdentity = mvc.post()
                .uri("/console/register/export")
                .param("from", yesterday)
                .param("to", today)
                .param("format", "pdf")
                .param("reason", "Gửi cơ quan điều tra theo yêu cầu")
                .with(user(chief()))
                .with(csrf())
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        assertThat(RegisterFixtures.pdfText(withIdentity)).contains(RegisterFixtures.NAME);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE subject = ? AND action = 'IDENTITY_REVEAL'")
                        .param("register:" + commune.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSealedIdentityIsNotStoredInClearAnywhere() throws Exception {
        for (String table : List.of(
                "reports.tips",
                "reports.register_entries",
                "reports.docket_events",
                "reports.tip_messages",
                "audit.entries")) {
            String dump = String.join(
                    "\n",
                    jdbc.sql("SELECT t::text FROM " + table + " t")
                            .query(String.class)
                            .list());
            assertNoIdentity(dump);
        }
    }
}
