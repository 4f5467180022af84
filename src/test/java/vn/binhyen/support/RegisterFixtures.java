package vn.binhyen.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.NewTip;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipIntake;

/** Reports with and without a reporter, officers of every role, and the text inside exported files. */
public final class RegisterFixtures {

    public static final String NAME = "Nguyễn Thị Bảo Mật";
    public static final String PHONE = "0912345678";
    public static final String ADDRESS = "Số 7 ngõ Kín, thôn A";
    public static final String ID_NUMBER = "066123456789";

    private RegisterFixtures() {}

    public static ReporterIdentity reporter() {
        return new ReporterIdentity(NAME, PHONE, ADDRESS, "zalo-uid-4242", ID_NUMBER);
    }

    public static long tip(JdbcClient jdbc, TipIntake intake, String commune, Long village, boolean anonymous) {
        var receipt = intake.submit(new NewTip(
                commune,
                village,
                TipCategory.THEFT,
                "Kẻ gian cạy cửa lấy trộm xe máy trong đêm",
                null,
                "Xóm giữa",
                null,
                null,
                false,
                anonymous ? null : reporter(),
                TipChannel.PORTAL,
                List.of()));
        return jdbc.sql("SELECT id FROM reports.tips WHERE code = ?")
                .param(receipt.code())
                .query(Long.class)
                .single();
    }

    public static long officer(JdbcClient jdbc, String unitCode, String role) {
        return jdbc.sql("""
                        INSERT INTO directory.officers (police_unit_id, full_name, role)
                        SELECT id, ?, ? FROM directory.police_units WHERE unit_code = ? RETURNING id
                        """)
                .params(role + " " + unitCode, role, unitCode)
                .query(Long.class)
                .single();
    }

    /** The province command of a test province (its police unit is created on first use). */
    public static long provinceCommand(JdbcClient jdbc, String provinceCode) {
        jdbc.sql("""
                        INSERT INTO directory.administrative_units (code, level, name, full_name, unit_type, province_code,
                            valid_from, dataset_version)
                        VALUES (?, 'PROVINCE', 'Tỉnh thử', 'Tỉnh thử ' || ?, 'Tỉnh', ?, DATE '2025-07-01', 'test')
                        ON CONFLICT (code) DO NOTHING
                        """).params(provinceCode, provinceCode, provinceCode).update();
        jdbc.sql("""
                        INSERT INTO directory.police_units (unit_code, level, name) VALUES (?, 'PROVINCE', 'Công an tỉnh thử')
                        ON CONFLICT (unit_code) DO NOTHING
                        """).param(provinceCode).update();
        return officer(jdbc, provinceCode, "PROVINCE_COMMAND");
    }

    public static SignedInOfficer signedIn(Directory directory, long officerId) {
        return Fixtures.signedIn(directory, "officer" + officerId, officerId);
    }

    public static AccessScope scope(Directory directory, long officerId) {
        var o = directory.officer(officerId).orElseThrow();
        return new AccessScope(o.id(), o.role(), o.unitCode(), o.provinceCode(), directory.villagesCoveredBy(o.id()));
    }

    public static String xlsxText(byte[] content) {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            StringBuilder text = new StringBuilder();
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    text.append(cell.toString()).append(' ');
                }
                text.append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pdfText(byte[] content) {
        try (var reader = new com.lowagie.text.pdf.PdfReader(content)) {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            // Table cells wrap: read the words, not the line breaks.
            return text.toString().replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
