package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.internal.LegalClocks;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.reports.internal.RegisterExports;
import vn.binhyen.reports.internal.RegisterQuery;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/** The register as the law describes it, observed through the services and the database. */
@IntegrationTest
class RegisterTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TipIntake intake;

    @Autowired
    Register register;

    @Autowired
    RegisterQuery registerQuery;

    @Autowired
    RegisterExports exports;

    @Autowired
    Directory directory;

    @Autowired
    LegalClocks clocks;

    TestCommune commune;
    Actor chief;
    Actor officerA;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
        chief = new Actor(RegisterFixtures.scope(directory, commune.chief()), commune.chiefLogin());
        officerA = new Actor(RegisterFixtures.scope(directory, commune.officerA()), commune.officerALogin());
    }

    private long tip(boolean anonymous) {
        return RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), anonymous);
    }

    @Test
    void everyReportGetsTheNextNumberOfItsUnitAndYear() {
        long first = tip(false);
        long second = tip(true);
        var other = Fixtures.commune(jdbc);
        long elsewhere = RegisterFixtures.tip(jdbc, intake, other.code(), null, true);
        int year = LegalClocks.localDate(Instant.now()).getYear();
        assertThat(line(first)).isEqualTo("1/" + year);
        assertThat(line(second)).isEqualTo("2/" + year);
        assertThat(line(elsewhere)).isEqualTo("1/" + year);
        assertThat(jdbc.sql("SELECT state FROM reports.dockets WHERE tip_id = ?")
                        .param(first)
                        .query(String.class)
                        .single())
                .isEqualTo("UNCLASSIFIED");
    }

    @Test
    void nothingDeletesARegisterLineOrAReport() {
        long id = tip(false);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM reports.register_entries WHERE tip_id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE reports.register_entries SET summary = 'x' WHERE tip_id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM reports.tips WHERE id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aCrimeReportMustBeTransferredWithinTwentyFourHoursOrFortyEightInARemoteCommune() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.CRIME_REPORT, null);
        var docket = register.details(chief.scope(), id).docket();
        assertThat(docket.state()).isEqualTo(DocketState.AWAITING_TRANSFER);
        assertThat(Duration.between(docket.receivedAt(), docket.transferDueAt()))
                .isEqualTo(Duration.ofHours(24));

        var island = Fixtures.commune(jdbc);
        jdbc.sql("UPDATE directory.administrative_units SET remote = TRUE WHERE code = ?")
                .param(island.code())
                .update();
        long far = RegisterFixtures.tip(jdbc, intake, island.code(), null, true);
        var islandChief = new Actor(RegisterFixtures.scope(directory, island.chief()), island.chiefLogin());
        register.classify(islandChief, far, ReportKind.DENUNCIATION, null);
        var remote = register.details(islandChief.scope(), far).docket();
        assertThat(Duration.between(remote.receivedAt(), remote.transferDueAt()))
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void reclassificationIsRecordedWithBothKinds() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.SECURITY_INFORMATION, "Phản ánh chung");
        register.classify(officerA, id, ReportKind.DENUNCIATION, "Có dấu hiệu trộm cắp");
        var events = register.details(chief.scope(), id).events();
        assertThat(events)
                .extracting(e -> e.type())
                .containsExactly(DocketEventType.CLASSIFIED, DocketEventType.RECLASSIFIED);
        assertThat(events.get(1).kindBefore()).isEqualTo(ReportKind.SECURITY_INFORMATION);
        assertThat(events.get(1).kindAfter()).isEqualTo(ReportKind.DENUNCIATION);
    }

    @Test
    void theChiefTransfersWithASlipAndTheReporterIsTold() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.CRIME_REPORT, null);
        assertThatThrownBy(() -> register.transfer(officerA, id, "CQCSĐT", null, null))
                .isInstanceOf(TipWorkflowException.class);
        long slip = register.transfer(chief, id, "Cơ quan CSĐT Công an tỉnh", "Vượt thẩm quyền", null);
        var details = register.details(chief.scope(), id);
        assertThat(details.docket().state()).isEqualTo(DocketState.TRANSFERRED);
        assertThat(details.tip().status()).isEqualTo(TipStatus.TRANSFERRED);
        assertThat(details.events()).extracting(e -> e.type()).contains(DocketEventType.REPORTER_NOTIFIED);
        assertThat(jdbc.sql("SELECT body FROM reports.tip_messages WHERE tip_id = ? AND author = 'OFFICER'")
                        .param(id)
                        .query(String.class)
                        .list())
                .anyMatch(m -> m.contains("Cơ quan CSĐT Công an tỉnh"));
        var pdf = exports.transferSlip(chief, id, slip, null);
        String text = RegisterFixtures.pdfText(pdf.content());
        assertThat(text)
                .contains("PHIẾU CHUYỂN NGUỒN TIN")
                .contains("Cơ quan CSĐT Công an tỉnh")
                .contains("Người báo tin được bảo vệ")
                .doesNotContain(RegisterFixtures.NAME);
    }

    @Test
    void anAnonymousReporterGetsNoResultNotice() {
        long id = tip(true);
        register.classify(officerA, id, ReportKind.CRIME_REPORT, null);
        register.transfer(chief, id, "Cơ quan CSĐT", null, null);
        assertThat(register.details(chief.scope(), id).events())
                .extracting(e -> e.type())
                .doesNotContain(DocketEventType.REPORTER_NOTIFIED);
    }

    @Test
    void resolutionRunsTwentyDaysThenTwoMonthsThenOnceMoreByTheProcuracy() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.DENUNCIATION, null);
        register.startResolution(chief, id);
        var docket = register.details(chief.scope(), id).docket();
        assertThat(docket.resolutionDueAt()).isEqualTo(clocks.resolutionDue(docket.receivedAt()));

        register.extend(chief, id, null, null, "Phải xác minh nhiều nơi", null);
        docket = register.details(chief.scope(), id).docket();
        assertThat(docket.resolutionDueAt()).isEqualTo(clocks.firstExtensionLimit(docket.receivedAt()));

        assertThatThrownBy(() -> register.extend(chief, id, null, null, null, null))
                .isInstanceOf(TipWorkflowException.class)
                .extracting(e -> ((TipWorkflowException) e).messageKey())
                .isEqualTo("register.error.procuracy-required");
        Instant before = docket.resolutionDueAt();
        register.extend(chief, id, null, "Viện KSND tỉnh", null, null);
        docket = register.details(chief.scope(), id).docket();
        assertThat(docket.resolutionDueAt()).isEqualTo(clocks.procuracyExtensionLimit(before));
        assertThatThrownBy(() -> register.extend(chief, id, null, "Viện KSND tỉnh", null, null))
                .isInstanceOf(TipWorkflowException.class);
    }

    private List<vn.binhyen.reports.internal.ClockKind> clocksOf(long id) {
        return register.details(chief.scope(), id).clocks().stream()
                .map(vn.binhyen.reports.internal.ClockView::kind)
                .toList();
    }

    @Test
    void theChiefStopsTheExtensionRequestClockBySayingNoneIsNeededOrBySendingTheRequest() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.DENUNCIATION, null);
        register.startResolution(chief, id);
        assertThat(clocksOf(id)).contains(vn.binhyen.reports.internal.ClockKind.EXTENSION_REQUEST);
        assertThatThrownBy(() -> register.extensionNotNeeded(officerA, id, null))
                .isInstanceOf(TipWorkflowException.class)
                .extracting(e -> ((TipWorkflowException) e).messageKey())
                .isEqualTo("tip.error.chief-only");
        assertThatThrownBy(() -> register.extensionRequested(chief, id, "Viện KSND tỉnh", null))
                .as("the first extension is the unit's own: nothing to request")
                .isInstanceOf(TipWorkflowException.class)
                .extracting(e -> ((TipWorkflowException) e).messageKey())
                .isEqualTo("register.error.no-extension-request");

        register.extensionNotNeeded(chief, id, "Sắp có kết quả giám định");
        assertThat(clocksOf(id))
                .contains(vn.binhyen.reports.internal.ClockKind.RESOLUTION)
                .doesNotContain(vn.binhyen.reports.internal.ClockKind.EXTENSION_REQUEST);
        assertThatThrownBy(() -> register.extensionNotNeeded(chief, id, null))
                .isInstanceOf(TipWorkflowException.class)
                .extracting(e -> ((TipWorkflowException) e).messageKey())
                .isEqualTo("register.error.extension-request-settled");

        register.extend(chief, id, null, null, "Kết quả giám định chậm", null);
        assertThat(clocksOf(id))
                .as("a new deadline brings its own extension-request clock")
                .contains(vn.binhyen.reports.internal.ClockKind.EXTENSION_REQUEST);
        register.extensionRequested(chief, id, "Viện KSND tỉnh", null);
        assertThat(clocksOf(id)).doesNotContain(vn.binhyen.reports.internal.ClockKind.EXTENSION_REQUEST);
        assertThat(register.details(chief.scope(), id).events())
                .extracting(e -> e.type())
                .contains(DocketEventType.EXTENSION_NOT_NEEDED, DocketEventType.EXTENSION_REQUESTED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE subject = ? AND detail IN"
                                + " ('EXTENSION_NOT_NEEDED', 'EXTENSION_REQUESTED')")
                        .param("tip:" + id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anExtensionBeyondTheLimitIsRefusedWithTheLastAllowedDay() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.DENUNCIATION, null);
        register.startResolution(chief, id);
        assertThatThrownBy(() -> register.extend(chief, id, LocalDate.now().plusMonths(5), null, null, null))
                .isInstanceOf(TipWorkflowException.class)
                .extracting(e -> ((TipWorkflowException) e).messageKey())
                .isEqualTo("register.error.extension-out-of-range");
    }

    @Test
    void suspensionStopsTheClockAndResumptionGivesOneMonthAndBothGoToTheProcuracy() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.DENUNCIATION, null);
        register.startResolution(chief, id);
        register.suspend(chief, id, "Chờ kết quả giám định", null);
        var details = register.details(chief.scope(), id);
        assertThat(details.docket().state()).isEqualTo(DocketState.SUSPENDED);
        assertThat(details.clocks()).extracting(c -> c.kind().name()).containsExactly("PROCURACY_NOTICE");
        long suspension = details.procuracyOutstanding().getFirst().id();
        register.procuracyNotified(chief, id, suspension, null);
        assertThat(register.details(chief.scope(), id).procuracyOutstanding()).isEmpty();

        register.resume(chief, id, "Đã có kết quả giám định", null);
        details = register.details(chief.scope(), id);
        assertThat(details.docket().state()).isEqualTo(DocketState.UNDER_RESOLUTION);
        assertThat(Duration.between(Instant.now(), details.docket().resolutionDueAt()))
                .isBetween(Duration.ofDays(27), Duration.ofDays(32));
        assertThat(details.procuracyOutstanding()).hasSize(1);

        register.decide(chief, id, true, "Có dấu hiệu tội trộm cắp tài sản", null);
        details = register.details(chief.scope(), id);
        assertThat(details.docket().state()).isEqualTo(DocketState.INITIATED);
        assertThat(details.events())
                .extracting(e -> e.type())
                .contains(DocketEventType.SUSPENDED, DocketEventType.RESUMED, DocketEventType.INITIATED);
        assertThat(details.events().stream().filter(e -> e.type() == DocketEventType.INITIATED))
                .allSatisfy(e -> {
                    assertThat(e.officerId()).isEqualTo(commune.chief());
                    assertThat(e.decisionDate()).isNotNull();
                    assertThat(e.procuracyDueAt()).isNotNull();
                });
    }

    @Test
    void aCorrectionIsANewLineThatNamesTheOldOne() {
        long id = tip(false);
        String before = line(id);
        register.correctEntry(chief, id, null, TipChannel.PHONE, null, "Thực tế người dân gọi điện");
        var entries = register.details(chief.scope(), id).entries();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).label()).isEqualTo(before);
        assertThat(entries.get(1).correctsEntryId()).isEqualTo(entries.get(0).id());
        assertThat(entries.get(1).channel()).isEqualTo(TipChannel.PHONE);
        assertThat(register.details(chief.scope(), id).entry().id())
                .isEqualTo(entries.get(1).id());
    }

    @Test
    void aReceiptRecordIsPrintedForEveryLine() {
        long id = tip(false);
        var pdf = exports.receiptRecord(officerA, id, null);
        assertThat(new String(pdf.content(), 0, 5)).isEqualTo("%PDF-");
        String text = RegisterFixtures.pdfText(pdf.content());
        assertThat(text).contains("BIÊN BẢN TIẾP NHẬN").contains(line(id)).contains("Người báo tin được bảo vệ");
    }

    @Test
    void protectionRequestsAreRecordedForTheChief() {
        long id = tip(false);
        register.requestProtection(officerA, id, "Bị đe doạ sau khi tố giác");
        var details = register.details(chief.scope(), id);
        assertThat(details.docket().protectionRequestedAt()).isNotNull();
        assertThat(details.events()).extracting(e -> e.type()).contains(DocketEventType.PROTECTION_REQUESTED);
    }

    @Test
    void aResidentAsksForProtectionWithTheirCodeAndSecretAndSeesTheRegisterNumber() {
        var receipt = intake.submit(new NewTip(
                commune.code(),
                null,
                TipCategory.DRUGS,
                "Có người bán ma tuý ở quán nước đầu thôn",
                null,
                null,
                null,
                null,
                false,
                RegisterFixtures.reporter(),
                TipChannel.PORTAL,
                List.of()));
        intake.requestProtection(receipt.code(), receipt.secret(), "Tôi bị nhắn tin đe doạ");
        long id = jdbc.sql("SELECT id FROM reports.tips WHERE code = ?")
                .param(receipt.code())
                .query(Long.class)
                .single();
        assertThat(register.details(chief.scope(), id).docket().protectionRequestedAt())
                .isNotNull();
        assertThat(receipt.registerNumber()).isEqualTo(line(id));
        assertThatThrownBy(() -> intake.requestProtection(receipt.code(), "WRONG-SECRET", "x"))
                .isInstanceOf(TipNotFoundException.class);

        // Routed to the chief, who forwards it to the body that decides; the resident reads where it went.
        assertThat(registerQuery.protectionRequestsWaiting(chief.scope(), 20))
                .extracting(RegisterQuery.ProtectionRequest::tipCode)
                .contains(receipt.code());
        register.forwardProtectionRequest(chief, id, "Cơ quan Cảnh sát điều tra Công an tỉnh");
        assertThat(registerQuery.protectionRequestsWaiting(chief.scope(), 20))
                .extracting(RegisterQuery.ProtectionRequest::tipCode)
                .doesNotContain(receipt.code());
        assertThat(intake.residentView(receipt.code(), receipt.secret()).messages())
                .anyMatch(m -> m.fromPolice() && m.body().contains("Cơ quan Cảnh sát điều tra Công an tỉnh"));
    }

    @Test
    void aProtectionRequestIsForwardedOnlyWhenThereIsOne() {
        long id = tip(false);
        assertThatThrownBy(() -> register.forwardProtectionRequest(chief, id, "Cơ quan CSĐT"))
                .isInstanceOf(TipWorkflowException.class)
                .hasFieldOrPropertyWithValue("messageKey", "register.error.no-protection-request");
    }

    @Test
    void aDecisionIsNeverDatedBeforeTheReportWasReceived() {
        long id = tip(false);
        register.classify(officerA, id, ReportKind.CRIME_REPORT, null);
        for (LocalDate before :
                List.of(LocalDate.of(1900, 1, 1), LocalDate.MIN, LocalDate.now().minusDays(2))) {
            assertThatThrownBy(() -> register.transfer(chief, id, "Cơ quan CSĐT", null, before))
                    .as(before.toString())
                    .isInstanceOf(TipWorkflowException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "register.error.before-receipt");
        }
        register.transfer(chief, id, "Cơ quan CSĐT", null, LocalDate.now());
    }

    @Test
    void aPeriodOrFilterAsFarAsDaysGoReadsTheWholeRegister() {
        long id = tip(false);
        String code = jdbc.sql("SELECT code FROM reports.tips WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(registerQuery.period(chief.scope(), LocalDate.MIN, LocalDate.MAX))
                .extracting(RegisterQuery.Line::tipCode)
                .contains(code);
        var farPage = new RegisterQuery.Filter(null, null, null, null, null, LocalDate.MIN, LocalDate.MAX, -5);
        assertThat(registerQuery.find(chief.scope(), farPage).lines())
                .extracting(RegisterQuery.Line::tipCode)
                .contains(code);
    }

    private String line(long tipId) {
        return jdbc.sql("SELECT register_number || '/' || register_year FROM reports.register_entries WHERE tip_id = ?"
                        + " ORDER BY id LIMIT 1")
                .param(tipId)
                .query(String.class)
                .single();
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}
