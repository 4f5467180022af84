package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/** Every register endpoint, for every role, inside and outside the unit: the server decides, whatever the URL. */
@IntegrationTest
class RegisterAuthorizationTests {

    /** Every action on one report, with parameters that would succeed for the right officer. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("classify", "kind=CRIME_REPORT"),
            Map.entry("report-immediately", "how=x"),
            Map.entry("resolve-here", ""),
            Map.entry("extend", "reason=x"),
            Map.entry("extension-requested", "procuracy=x"),
            Map.entry("extension-not-needed", "reason=x"),
            Map.entry("suspend", "ground=x"),
            Map.entry("resume", "detail=x"),
            Map.entry("decide", "initiate=true&grounds=x"),
            Map.entry("procuracy-notified", "decision=1"),
            Map.entry("protection", "note=x"),
            Map.entry("protection/forward", "recipient=x"),
            Map.entry("correct", "reason=x&channel=PHONE"),
            Map.entry("identity", "reason=x"),
            Map.entry("transfer", "toBody=x&reason=x"),
            Map.entry("reject", "reason=x"),
            Map.entry("receipt.pdf", "reason=x"),
            Map.entry("slip", "event=1"));

    /** Actions the law gives to the chief (or the province command), not to staff or area officers. */
    static final List<String> DECISIONS =
            List.of("resolve-here", "transfer", "reject", "correct", "protection/forward");

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

    @Autowired
    Register register;

    TestCommune commune;
    TestCommune other;
    long tip;
    String code;

    @BeforeEach
    void setUp() throws Exception {
        commune = Fixtures.commune(jdbc);
        other = Fixtures.commune(jdbc);
        tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
        code = jdbc.sql("SELECT code FROM reports.tips WHERE id = ?")
                .param(tip)
                .query(String.class)
                .single();
        var chief = new Actor(RegisterFixtures.scope(directory, commune.chief()), commune.chiefLogin());
        register.classify(chief, tip, ReportKind.CRIME_REPORT, null);
    }

    private SignedInOfficer officer(long id) {
        return RegisterFixtures.signedIn(directory, id);
    }

    private String docketState() {
        return jdbc.sql("SELECT state || ':' || version FROM reports.dockets WHERE tip_id = ?")
                .param(tip)
                .query(String.class)
                .single();
    }

    @Test
    void officersOfOtherUnitsAndVillagesGetNotFoundOnEveryAction() throws Exception {
        String before = docketState();
        long otherProvince = RegisterFixtures.provinceCommand(
                jdbc,
                other.provinceCode().equals(commune.provinceCode())
                        ? "8" + (Integer.parseInt(commune.provinceCode().substring(1)) % 10)
                        : other.provinceCode());
        List<SignedInOfficer> outsiders = List.of(
                officer(other.chief()),
                officer(other.staff()),
                officer(commune.officerB()),
                officer(otherProvince),
                officer(RegisterFixtures.officer(jdbc, commune.code(), "ADMINISTRATOR")));
        for (SignedInOfficer outsider : outsiders) {
            assertThat(mvc.get().uri("/console/tips/{id}", tip).with(user(outsider)))
                    .hasStatus(404);
            assertThat(mvc.get().uri("/console/tips/{id}/receipt.pdf", tip).with(user(outsider)))
                    .hasStatus(404);
            for (var action : ACTIONS.entrySet()) {
                assertThat(mvc.post()
                                .uri("/console/tips/{id}/" + action.getKey() + "?" + action.getValue(), tip)
                                .with(user(outsider))
                                .with(csrf()))
                        .as(outsider + " " + action.getKey())
                        .hasStatus(404);
            }
            String book = mvc.get()
                    .uri("/console/register")
                    .with(user(outsider))
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(book).doesNotContain(code);
            byte[] export = mvc.get()
                    .uri(
                            "/console/register/export?from={f}&to={t}",
                            LocalDate.now(clock.withZone(VietnamTime.ZONE)).minusDays(1),
                            LocalDate.now(clock.withZone(VietnamTime.ZONE)))
                    .with(user(outsider))
                    .exchange()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(RegisterFixtures.xlsxText(export)).doesNotContain(code);
        }
        assertThat(docketState()).isEqualTo(before);
    }

    @Test
    void staffAndAreaOfficersCannotTakeTheChiefsDecisions() throws Exception {
        String before = docketState();
        for (SignedInOfficer insider : List.of(officer(commune.staff()), officer(commune.officerA()))) {
            for (String action : DECISIONS) {
                assertThat(mvc.post()
                                .uri("/console/tips/{id}/" + action + "?" + ACTIONS.get(action), tip)
                                .with(user(insider))
                                .with(csrf()))
                        .as(insider + " " + action)
                        .hasStatus3xxRedirection()
                        .flash()
                        .containsKey("actionError");
            }
        }
        assertThat(docketState()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM reports.register_entries WHERE tip_id = ?")
                        .param(tip)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theChiefAndTheProvinceCommandDecide() throws Exception {
        assertThat(mvc.post()
                        .uri("/console/tips/{id}/resolve-here", tip)
                        .with(user(officer(commune.chief())))
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .doesNotContainKey("actionError");
        long province = RegisterFixtures.provinceCommand(jdbc, commune.provinceCode());
        assertThat(mvc.post()
                        .uri("/console/tips/{id}/extend", tip)
                        .param("reason", "phức tạp")
                        .with(user(officer(province)))
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .doesNotContainKey("actionError");
        assertThat(docketState()).startsWith("UNDER_RESOLUTION");
        assertThat(jdbc.sql("SELECT extension_count FROM reports.dockets WHERE tip_id = ?")
                        .param(tip)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void areaOfficersClassifyReportsOfTheirVillage() throws Exception {
        assertThat(mvc.post()
                        .uri("/console/tips/{id}/classify", tip)
                        .param("kind", "DENUNCIATION")
                        .with(user(officer(commune.officerA())))
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .doesNotContainKey("actionError");
        assertThat(jdbc.sql("SELECT kind FROM reports.dockets WHERE tip_id = ?")
                        .param(tip)
                        .query(String.class)
                        .single())
                .isEqualTo("DENUNCIATION");
    }

    @Test
    void badInputIsA4xxWithAVietnameseMessageNeverA500() throws Exception {
        var chief = user(officer(commune.chief()));
        assertThat(mvc.post()
                        .uri("/console/tips/{id}/classify", tip)
                        .param("kind", "NONSENSE")
                        .with(chief)
                        .with(csrf()))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/console/tips/{id}/extend", tip)
                        .param("until", "not-a-date")
                        .with(chief)
                        .with(csrf()))
                .hasStatus(400);
        assertThat(mvc.get()
                        .uri("/console/register/export?from=2026-13-01&to=x")
                        .with(chief))
                .hasStatus(400);
        assertThat(mvc.get().uri("/console/register?clock=SOON").with(chief)).hasStatus(400);
        assertThat(mvc.get().uri("/console/tips/{id}/slip?event=999999", tip).with(chief))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/console/register/new")
                        .param("description", "ngắn")
                        .with(chief)
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Chọn hình thức tiếp nhận");
    }

    @Test
    void registerPagesNeedSignIn() throws Exception {
        assertThat(mvc.get().uri("/console/register")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/console/register/export?from=2026-01-01&to=2026-01-31"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/audit")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/audit").with(user(officer(commune.chief()))))
                .hasStatus(403);
    }

    @Test
    void anOfficerEntersAWalkInReportAsTheReceivingOfficer() throws Exception {
        var staff = officer(commune.staff());
        assertThat(mvc.post()
                        .uri("/console/register/new")
                        .param("channel", "WALK_IN")
                        .param("category", "THEFT")
                        .param("description", "Bà con đến trình báo mất trộm gà vịt trong đêm")
                        .param("fullName", "Người đến trình báo")
                        .with(user(staff))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("""
                        SELECT e.receiving_officer_id FROM reports.register_entries e JOIN reports.tips t ON t.id = e.tip_id
                         WHERE t.commune_code = ? AND e.channel = 'WALK_IN'
                        """).param(commune.code()).query(Long.class).single())
                .isEqualTo(commune.staff());
    }

    @Test
    void addressesTypedFarOutOfRangeGiveAPageNotAnError() {
        var chief = user(officer(commune.chief()));
        assertThat(mvc.get().uri("/console/register?page=50000000").with(chief)).hasStatusOk();
        assertThat(mvc.get()
                        .uri("/console/register")
                        .param("from", "-999999999-01-01")
                        .param("to", "+999999999-12-31")
                        .param("page", "2147483647")
                        .with(chief))
                .hasStatusOk();
        assertThat(mvc.get().uri("/console/register?from=-999999999-01-01").with(chief))
                .hasStatusOk()
                .bodyText()
                .contains(code);
        assertThat(mvc.get().uri("/console?page=2147483647").with(chief)).hasStatusOk();
        assertThat(mvc.get()
                        .uri("/console/register/export")
                        .param("from", "-999999999-01-01")
                        .param("to", "+999999999-12-31")
                        .with(chief))
                .as("a period over two years is refused, with the reason on the register page")
                .hasRedirectedUrl("/console/register")
                .flash()
                .containsKey("actionError");
    }

    @Test
    void aRefusedActionASecondLevelDownGoesBackToTheTipWithTheReason() {
        // Nothing was asked for: the chief's forward is refused, and the refusal shows on the tip's page.
        assertThat(mvc.post()
                        .uri("/console/tips/{id}/protection/forward", tip)
                        .param("recipient", "Cơ quan CSĐT")
                        .with(user(officer(commune.chief())))
                        .with(csrf()))
                .hasRedirectedUrl("/console/tips/" + tip)
                .flash()
                .containsKey("actionError");
    }
}
