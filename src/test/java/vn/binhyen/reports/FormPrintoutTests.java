package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.reports.internal.RegisterExports;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/**
 * Forms 01 and 03 read back from the PDF (OpenPDF's text extractor): the parts of an official police paper in their
 * order — form number, agency and document number, national name and motto, place and date, title, numbered parts,
 * signatures.
 */
@IntegrationTest
class FormPrintoutTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TipIntake intake;

    @Autowired
    Register register;

    @Autowired
    RegisterExports exports;

    @Autowired
    Directory directory;

    /** The text as a reader sees it: top to bottom, left to right (PDFBox, sorted by position). */
    static String visualText(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Each part appears after the one before, reading row by row (two columns side by side interleave). Spaces are
     * ignored: PDFBox puts some inside words where the font's spacing is wide.
     */
    private static void inOrder(String visual, List<String> parts) {
        String text = visual.replaceAll("\\s+", "");
        int at = -1;
        for (String raw : parts) {
            String part = raw.replaceAll("\\s+", "");
            int next = text.indexOf(part, at + 1);
            assertThat(next)
                    .as("\"%s\" after position %d in:%n%s", part, at, text)
                    .isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void theReceiptRecordFollowsTheOfficialLayout() {
        var commune = Fixtures.commune(jdbc);
        var officer = new Actor(RegisterFixtures.scope(directory, commune.officerA()), commune.officerALogin());
        long id = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
        String line = jdbc.sql("SELECT register_number || '/' || register_year FROM reports.register_entries"
                        + " WHERE tip_id = ?")
                .param(id)
                .query(String.class)
                .single();

        byte[] pdf = exports.receiptRecord(officer, id, null).content();
        String text = visualText(pdf);
        assertThat(RegisterFixtures.pdfText(pdf))
                .as("OpenPDF reads the same words")
                .contains("Độc lập - Tự do - Hạnh phúc");

        inOrder(
                text,
                List.of(
                        "Mẫu số 01",
                        "Thông tư số 119/2021/TT-BCA",
                        "CÔNG AN TỈNH THỬ",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "CÔNG AN XÃ THỬ " + commune.code(),
                        "Độc lập - Tự do - Hạnh phúc",
                        "Số: " + line + "/BB-TN",
                        "Xã Thử " + commune.code() + ", ngày",
                        "BIÊN BẢN TIẾP NHẬN NGUỒN TIN VỀ TỘI PHẠM",
                        "Hồi ",
                        "1. Cán bộ tiếp nhận",
                        "2. Người báo tin: Người báo tin được bảo vệ",
                        "3. Hình thức tiếp nhận",
                        "7. Nội dung",
                        "Biên bản được lập xong",
                        "NGƯỜI BÁO TIN",
                        "CÁN BỘ TIẾP NHẬN",
                        "(Ký, ghi rõ họ tên)",
                        "(Ký, ghi rõ họ tên)"));
        assertThat(text.lines().filter(l -> l.contains("CÔNG AN TỈNH THỬ") && l.contains("CỘNG HÒA")))
                .as("the agency and the national name share the first row")
                .hasSize(1);
        assertThat(text).doesNotContain(RegisterFixtures.NAME);
    }

    @Test
    void theTransferSlipFollowsTheOfficialLayout() {
        var commune = Fixtures.commune(jdbc);
        var chief = new Actor(RegisterFixtures.scope(directory, commune.chief()), commune.chiefLogin());
        long id = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
        register.classify(chief, id, ReportKind.CRIME_REPORT, null);
        long slip = register.transfer(chief, id, "Cơ quan CSĐT Công an tỉnh", "Vượt thẩm quyền", null);

        String text = visualText(exports.transferSlip(chief, id, slip, null).content());

        inOrder(
                text,
                List.of(
                        "Mẫu số 03",
                        "CÔNG AN TỈNH THỬ",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "CÔNG AN XÃ THỬ " + commune.code(),
                        "Độc lập - Tự do - Hạnh phúc",
                        "Số: " + slip + "/PC",
                        "PHIẾU CHUYỂN NGUỒN TIN VỀ TỘI PHẠM",
                        "Kính gửi: Cơ quan CSĐT Công an tỉnh",
                        "Căn cứ các Điều 144, 145 và 146 Bộ luật Tố tụng hình sự",
                        "1. Số vào sổ tiếp nhận",
                        "4. Người báo tin: Người báo tin được bảo vệ",
                        "7. Lý do chuyển: Vượt thẩm quyền",
                        "8. Người quyết định",
                        "Nơi nhận:",
                        "TRƯỞNG CÔNG AN",
                        "Như trên",
                        "(Ký tên, đóng dấu)"));
    }
}
