package vn.binhyen.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.accounts.SignedInOfficers;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.InboundMessage;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.directory.Directory;
import vn.binhyen.insights.internal.Dashboards;
import vn.binhyen.insights.internal.Measure;
import vn.binhyen.insights.internal.Period;
import vn.binhyen.insights.internal.RollupStore;
import vn.binhyen.insights.internal.RollupStore.Key;
import vn.binhyen.insights.internal.Unit.Level;
import vn.binhyen.insights.internal.Units;
import vn.binhyen.reports.NewTip;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.reports.internal.TipConsole;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * Insights end to end on the real modules: tips, answers, decisions and questions flow through their events into the
 * rollups; a rebuild from the raw data gives the same rows; communes add up to their province; the monthly report
 * files carry the figures; and nobody sees a unit outside their scope, whatever the address.
 */
@IntegrationTest
class InsightsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Accounts accounts;

    @Autowired
    TipIntake intake;

    @Autowired
    TipConsole console;

    @Autowired
    Conversations conversations;

    @Autowired
    RollupStore rollups;

    @Autowired
    Dashboards dashboards;

    @Autowired
    Units units;

    @Autowired
    Clock clock;

    @Autowired
    vn.binhyen.insights.internal.ReportArchive archive;

    TestCommune commune;
    TestCommune other;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
        other = Fixtures.commune(jdbc);
    }

    private SignedInOfficer chief(TestCommune c) {
        return Fixtures.signedIn(directory, c.chiefLogin(), c.chief());
    }

    private SignedInOfficer provinceCommand(String province) {
        jdbc.sql("""
                        INSERT INTO directory.administrative_units (code, level, name, full_name, unit_type, province_code,
                            valid_from, dataset_version)
                        VALUES (?, 'PROVINCE', 'Tỉnh thử', 'Tỉnh thử', 'Tỉnh', ?, DATE '2025-07-01', 'test')
                        ON CONFLICT (code) DO NOTHING
                        """).params(province, province).update();
        long unit = jdbc.sql("""
                        INSERT INTO directory.police_units (unit_code, level, name) VALUES (?, 'PROVINCE', 'Công an tỉnh thử')
                        ON CONFLICT (unit_code) DO UPDATE SET name = EXCLUDED.name RETURNING id
                        """).param(province).query(Long.class).single();
        long officer = jdbc.sql("INSERT INTO directory.officers (police_unit_id, full_name, role)"
                        + " VALUES (?, 'Chỉ huy tỉnh thử', 'PROVINCE_COMMAND') RETURNING id")
                .param(unit)
                .query(Long.class)
                .single();
        return SignedInOfficers.of(
                "tinh" + officer, "x", directory.officer(officer).orElseThrow(), true);
    }

    /** Tips in both villages and without one, answered, decided; questions and group messages. */
    private void activity(TestCommune c, int tips) {
        var scope = accounts.scopeOf(chief(c));
        for (int i = 0; i < tips; i++) {
            Long village = i % 3 == 0 ? null : (i % 3 == 1 ? c.villageA() : c.villageB());
            var receipt = intake.submit(new NewTip(
                    c.code(),
                    village,
                    i % 2 == 0 ? TipCategory.THEFT : TipCategory.ILLEGAL_RACING,
                    "Tin báo thử số " + i + " về an ninh trật tự",
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    i % 2 == 0 ? TipChannel.PORTAL : TipChannel.PHONE,
                    List.of()));
            long id = jdbc.sql("SELECT id FROM reports.tips WHERE code = ?")
                    .param(receipt.code())
                    .query(Long.class)
                    .single();
            if (i % 4 != 3) {
                console.reply(scope, id, "Công an xã đã nhận tin, cảm ơn bạn.");
                console.reply(scope, id, "Một câu trả lời thứ hai không đổi thời gian trả lời đầu tiên.");
            }
            if (i % 2 == 0) {
                console.accept(scope, id, TipCategory.FRAUD);
                console.start(scope, id);
                console.resolve(scope, id, "Đã xác minh và xử lý.");
            }
        }
        for (int i = 0; i < 3; i++) {
            conversations.recordInbound(new InboundMessage(
                    ConversationChannel.ZALO,
                    i == 2 ? ThreadKind.GROUP : ThreadKind.RESIDENT,
                    "oa" + c.code(),
                    "user" + i + c.code(),
                    c.provinceCode(),
                    c.code(),
                    "msg" + i + "-" + c.code(),
                    MessageKind.TEXT,
                    "Cho hỏi thủ tục đăng ký tạm trú",
                    null,
                    null,
                    null,
                    null,
                    clock.instant()));
        }
    }

    private void awaitRollups() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("""
                                        SELECT count(*) FROM events.event_publication
                                         WHERE completion_date IS NULL
                                           AND (listener_id LIKE 'vn.binhyen.insights.%'
                                                OR listener_id LIKE '%QuestionListener%')
                                        """).query(Long.class).single() == 0);
    }

    private Map<Key, Long> rowsOf(TestCommune c) {
        Map<Key, Long> rows = new TreeMap<>(rollups.rowsFor('C', List.of(c.code())));
        rows.putAll(rollups.rowsFor('V', List.of(Long.toString(c.villageA()), Long.toString(c.villageB()))));
        return rows;
    }

    @Test
    void eventsFillTheRollupsAndARebuildFromRawDataGivesExactlyTheSameRows() {
        activity(commune, 8);
        activity(other, 3);
        awaitRollups();
        Map<Key, Long> incremental = rowsOf(commune);
        Map<Key, Long> incrementalOther = rowsOf(other);

        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        var unit = units.find(Level.COMMUNE, commune.code()).orElseThrow();
        var totals = dashboards.totals(unit, new Period(today.minusDays(1), today));
        assertThat(totals.sum(Measure.TIPS_RECEIVED)).isEqualTo(8);
        assertThat(totals.of(Measure.TIPS_RECEIVED, "PORTAL")).isEqualTo(4);
        assertThat(totals.sum(Measure.TIP_FIRST_ANSWER))
                .as("answered once each")
                .isEqualTo(6);
        assertThat(totals.of(Measure.TIP_FIRST_ANSWER, "m5")).isEqualTo(6);
        assertThat(totals.of(Measure.TIPS_DECIDED, "in_time")).isEqualTo(4);
        assertThat(totals.of(Measure.TIPS_BY_CATEGORY, "FRAUD"))
                .as("the category the officer confirmed")
                .isEqualTo(4);
        assertThat(totals.sum(Measure.QUESTIONS)).isEqualTo(2);
        assertThat(totals.sum(Measure.GROUP_MESSAGES)).isEqualTo(1);
        assertThat(totals.sum(Measure.QUESTIONS_ASKED))
                .as("both resident messages ask something")
                .isEqualTo(2);
        var village =
                units.find(Level.VILLAGE, Long.toString(commune.villageA())).orElseThrow();
        assertThat(dashboards
                        .totals(village, new Period(today.minusDays(1), today))
                        .sum(Measure.TIPS_RECEIVED))
                .isEqualTo(3);

        Map<Key, Long> monthly = rollups.monthlyRowsFor('C', List.of(commune.code()));
        String tables = rollupTables();

        rollups.rebuild();

        assertThat(rowsOf(commune)).isNotEmpty().isEqualTo(incremental);
        assertThat(rowsOf(other)).isNotEmpty().isEqualTo(incrementalOther);
        assertThat(rollups.monthlyRowsFor('C', List.of(commune.code())))
                .isNotEmpty()
                .isEqualTo(monthly);
        // The rebuild builds new tables and swaps them in: they must be the migrated tables again, key and all.
        assertThat(rollupTables()).isEqualTo(tables);

        // And events keep adding to the new tables.
        activity(other, 1);
        awaitRollups();
        assertThat(dashboards
                        .totals(
                                units.find(Level.COMMUNE, other.code()).orElseThrow(),
                                new Period(today.minusDays(1), today))
                        .sum(Measure.TIPS_RECEIVED))
                .isEqualTo(4);
    }

    /** The columns, constraints and indexes of the rollup tables, as PostgreSQL describes them. */
    private String rollupTables() {
        return jdbc.sql("""
                        SELECT string_agg(d, E'\n' ORDER BY d) FROM (
                          SELECT c.table_name || '.' || c.column_name || ' ' || c.data_type || ' '
                                 || c.is_nullable || ' ' || coalesce(c.column_default, '') AS d
                            FROM information_schema.columns c
                           WHERE c.table_schema = 'insights' AND c.table_name IN ('daily_figures', 'monthly_figures')
                          UNION ALL
                          SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                            FROM pg_constraint WHERE conrelid IN ('insights.daily_figures'::regclass,
                                                                  'insights.monthly_figures'::regclass)
                          UNION ALL
                          SELECT indexdef FROM pg_indexes
                           WHERE schemaname = 'insights' AND tablename IN ('daily_figures', 'monthly_figures')) x
                        """).query(String.class).single();
    }

    @Test
    void communesAddUpToTheirProvince() {
        activity(commune, 4);
        awaitRollups();
        var province = units.find(Level.PROVINCE, commune.provinceCode()).orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        var period = new Period(today.minusDays(2), today);
        var children = dashboards.children(province, period);
        assertThat(children).extracting(r -> r.unit().key()).contains(commune.code());
        var total = dashboards.totals(province, period);
        for (Measure m : List.of(Measure.TIPS_RECEIVED, Measure.QUESTIONS, Measure.TIPS_DECIDED)) {
            long sum = 0;
            for (var child : children) {
                sum += dashboards.totals(child.unit(), period).sum(m);
            }
            assertThat(sum).as(m.name()).isEqualTo(total.sum(m));
        }
        assertThat(children.stream().mapToLong(Dashboards.Row::tips).sum()).isEqualTo(total.sum(Measure.TIPS_RECEIVED));
    }

    @Test
    void aCommuneChiefCannotOpenAnotherCommunesFiguresByAnyAddress() {
        var chief = chief(commune);
        String month = YearMonth.now(clock.withZone(VietnamTime.ZONE)).toString();
        List<String> foreign = new ArrayList<>(List.of(
                "/console/insights/commune/" + other.code(),
                "/console/insights/commune/" + other.code() + "?month=" + month,
                "/console/insights/commune/" + other.code() + "/report.pdf?month=" + month,
                "/console/insights/commune/" + other.code() + "/report.xlsx",
                "/console/insights/commune/" + other.code() + "/archive/1.pdf",
                "/console/insights/village/" + other.villageA(),
                "/console/insights/village/" + other.villageB() + "/report.pdf",
                "/console/insights/province/" + commune.provinceCode(),
                "/console/insights/province/" + commune.provinceCode() + "/map",
                "/console/insights/province/" + commune.provinceCode() + "/report.xlsx"));
        for (String url : foreign) {
            var result = mvc.get().uri(url).with(user(chief)).exchange();
            assertThat(result).as(url).hasStatus(403);
            assertThat(result).bodyText().as(url).contains("không có quyền xem số liệu");
        }
        assertThat(
                        mvc.post()
                                .uri("/console/insights/province/" + commune.provinceCode() + "/public")
                                .param("published", "true")
                                .with(user(chief))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatus(403);
        // Their own commune and its villages open.
        assertThat(mvc.get().uri("/console/insights").with(user(chief)))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/console/insights/commune/" + commune.code());
        assertThat(mvc.get().uri("/console/insights/commune/" + commune.code()).with(user(chief)))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/console/insights/village/" + commune.villageA())
                        .with(user(chief)))
                .hasStatusOk();
        // An area officer sees their village only.
        var officerA = Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA());
        assertThat(mvc.get()
                        .uri("/console/insights/village/" + commune.villageB())
                        .with(user(officerA)))
                .hasStatus(403);
        assertThat(mvc.get().uri("/console/insights/commune/" + commune.code()).with(user(officerA)))
                .hasStatus(403);
        // Another province's command sees nothing here.
        var elsewhere = provinceCommand("89");
        assertThat(mvc.get().uri("/console/insights/commune/" + commune.code()).with(user(elsewhere)))
                .hasStatus(403);
    }

    @Test
    void badInputIsAVietnamese4xxNeverA500() {
        var command = provinceCommand(commune.provinceCode());
        Map<String, Integer> cases = Map.of(
                "/console/insights/commune/99999x",
                404,
                "/console/insights/commune/00000",
                404,
                "/console/insights/planet/" + commune.code(),
                404,
                "/console/insights/village/abc",
                404,
                "/console/insights/commune/" + commune.code() + "?from=2026-13-40",
                400,
                "/console/insights/commune/" + commune.code() + "?from=2026-05-01&to=2026-01-01",
                400,
                "/console/insights/commune/" + commune.code() + "?from=2001-01-01&to=2026-01-01",
                400,
                "/console/insights/commune/" + commune.code() + "/report.pdf?month=2026-99",
                400,
                "/console/insights/commune/" + commune.code() + "/report.doc",
                404,
                "/console/insights/commune/" + commune.code() + "/map",
                404);
        cases.forEach((url, status) -> {
            var result = mvc.get().uri(url).with(user(command)).exchange();
            assertThat(result).as(url).hasStatus(status);
            assertThat(result).bodyText().as(url).containsAnyOf("Không tìm thấy", "không hợp lệ");
        });
    }

    @Test
    void theProvinceCommandDrillsDownAndTheMonthlyReportFilesCarryTheFigures() throws Exception {
        activity(commune, 6);
        awaitRollups();
        var command = provinceCommand(commune.provinceCode());
        assertThat(mvc.get().uri("/console/insights").with(user(command)))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/console/insights/province/" + commune.provinceCode());
        assertThat(mvc.get()
                        .uri("/console/insights/province/" + commune.provinceCode())
                        .with(user(command)))
                .hasStatusOk()
                .bodyText()
                .contains("Thử " + commune.code(), "/console/insights/commune/" + commune.code());
        assertThat(mvc.get()
                        .uri("/console/insights/province/" + commune.provinceCode() + "/map?measure=tips")
                        .with(user(command)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("FeatureCollection");

        String month = YearMonth.now(clock.withZone(VietnamTime.ZONE)).toString();
        var pdf = mvc.get()
                .uri("/console/insights/commune/" + commune.code() + "/report.pdf?month=" + month)
                .with(user(command))
                .exchange();
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        try (var doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("BÁO CÁO THÁNG", "Thử " + commune.code(), "Tin báo tiếp nhận");
            assertThat(text).containsPattern("Tin báo tiếp nhận\\s+6\\b");
            assertThat(text).contains("Giải quyết trong thời hạn luật định", "100,0%");
        }
        var xlsx = mvc.get()
                .uri("/console/insights/commune/" + commune.code() + "/report.xlsx?month=" + month)
                .with(user(command))
                .exchange();
        assertThat(xlsx).hasStatusOk();
        try (var book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            var summary = book.getSheet("Tổng hợp");
            var format = new DataFormatter();
            Map<String, String> figures = new TreeMap<>();
            for (var row : summary) {
                if (row.getCell(0) != null && row.getCell(1) != null) {
                    figures.put(format.formatCellValue(row.getCell(0)), format.formatCellValue(row.getCell(1)));
                }
            }
            assertThat(figures).containsEntry("Tin báo tiếp nhận", "6");
            assertThat(figures).containsEntry("Tin nhắn người dân gửi trang", "2");
            assertThat(book.getAllPictures()).as("charts as images").isNotEmpty();
            var units = book.getSheet("Theo đơn vị");
            assertThat(units).isNotNull();
            long villageTips = 0;
            for (var row : units) {
                if (row.getRowNum() > 0 && row.getCell(1) != null) {
                    villageTips += (long) row.getCell(1).getNumericCellValue();
                }
            }
            assertThat(villageTips).as("tips with a village").isEqualTo(4);
        }
    }

    @Test
    void theTransparencyPageIsOffUntilTheProvinceCommandTurnsItOnAndShowsOnlyProvinceFigures() {
        activity(commune, 2);
        awaitRollups();
        String province = commune.provinceCode();
        var command = provinceCommand(province);
        jdbc.sql("DELETE FROM insights.public_pages WHERE province_code = ?")
                .param(province)
                .update();
        assertThat(mvc.get().uri("/minh-bach/" + province)).hasStatus(404);
        assertThat(
                        mvc.post()
                                .uri("/console/insights/province/" + province + "/public")
                                .param("published", "true")
                                .with(user(command))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatus3xxRedirection();
        var page = mvc.get().uri("/minh-bach/" + province).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("Công khai số liệu", "Tin báo tiếp nhận");
        assertThat(page)
                .bodyText()
                .as("no commune, village, officer or report on the public page")
                .doesNotContain("Thử " + commune.code(), "Thôn A", "Tin báo thử số", "Trưởng " + commune.code());
        assertThat(mvc.get().uri("/minh-bach/xx")).hasStatus(404);
    }

    @Test
    void theMonthlyJobKeepsAReportForEachUnitInServiceThatOnlyItsLeadersCanDownload() {
        activity(commune, 3);
        awaitRollups();
        YearMonth month = YearMonth.now(clock.withZone(VietnamTime.ZONE));
        // The job (db-scheduler, 06:00 on the 1st) stores every unit's report as this call does for one unit.
        assertThat(jdbc.sql("SELECT count(*) FROM shared.scheduled_tasks WHERE task_name = 'insights-monthly-reports'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        archive.store(units.find(Level.COMMUNE, commune.code()).orElseThrow(), month);
        long id = jdbc.sql("SELECT id FROM insights.monthly_reports WHERE level = 'C' AND unit = ? AND month = ?")
                .params(commune.code(), java.sql.Date.valueOf(month.atDay(1)))
                .query(Long.class)
                .single();
        String url = "/console/insights/commune/" + commune.code() + "/archive/" + id + ".pdf";
        assertThat(mvc.get().uri(url).with(user(chief(commune)))).hasStatusOk().hasContentType("application/pdf");
        assertThat(mvc.get().uri("/console/insights/commune/" + commune.code()).with(user(chief(commune))))
                .bodyText()
                .contains("/archive/" + id + ".pdf");
        assertThat(mvc.get().uri(url).with(user(chief(other)))).hasStatus(403);
        // The id of this commune's report under another commune's address finds nothing.
        assertThat(mvc.get()
                        .uri("/console/insights/commune/" + other.code() + "/archive/" + id + ".pdf")
                        .with(user(chief(other))))
                .hasStatus(404);
    }
}
