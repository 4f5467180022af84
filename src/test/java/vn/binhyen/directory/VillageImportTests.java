package vn.binhyen.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * The administrator imports villages of many communes from a spreadsheet's CSV: a good file (Excel's byte-order mark,
 * a quoted name with a comma, Vietnamese number formats) goes in whole and again adds nothing; a file with any fault
 * changes nothing and names every faulty line in Vietnamese with a 422; a file that is not UTF-8 CSV is refused whole.
 */
@IntegrationTest
class VillageImportTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    TestCommune commune;
    TestCommune other;
    RequestPostProcessor admin;

    @BeforeEach
    void communesAndAdministrator() {
        commune = Fixtures.commune(jdbc);
        other = Fixtures.commune(jdbc);
        long adminId = Fixtures.administrator(jdbc, commune);
        admin = user(Fixtures.signedIn(directory, "qt" + commune.code(), adminId));
    }

    MvcTestResult upload(byte[] csv, RequestPostProcessor as) {
        return mvc.post()
                .multipart()
                .uri("/admin/units/villages")
                .file(new MockMultipartFile("file", "thon.csv", "text/csv", csv))
                .with(as)
                .with(csrf())
                .exchange();
    }

    MvcTestResult upload(String csv) {
        return upload(csv.getBytes(StandardCharsets.UTF_8), admin);
    }

    int villages() {
        return directory.villagesOf(commune.code()).size()
                + directory.villagesOf(other.code()).size();
    }

    @Test
    void aGoodFileGoesInWholeAndAgainAddsNothing() {
        String csv = "\uFEFFma_xa,ten,loai,dan_so,vi_do,kinh_do\n"
                + commune.code() + ",Tổ dân phố 1,to_dan_pho,1.250,\"12,68\",\"108,05\"\n"
                + commune.code() + ",\"Buôn Ea Tu, khu 2\",buôn,,,\n"
                + "\n"
                + other.code() + ",Thôn 5,Thôn,830,12.7,108.1\n"
                + other.code() + ",Thôn A,thon,,,\n"; // already there (the fixture's)
        var result = upload(csv);
        assertThat(result).hasStatus3xxRedirection();
        assertThat(String.valueOf(result.getMvcResult().getFlashMap().get("villagesImported")))
                .isEqualTo("Result[lines=4, added=3, alreadyPresent=1]");
        var ward = directory.villagesOf(commune.code());
        assertThat(ward).extracting(VillageView::name).contains("Tổ dân phố 1", "Buôn Ea Tu, khu 2");
        var group = ward.stream()
                .filter(v -> v.name().equals("Tổ dân phố 1"))
                .findFirst()
                .orElseThrow();
        assertThat(group.kind()).isEqualTo(VillageView.VillageKind.RESIDENTIAL_GROUP);
        assertThat(group.population()).isEqualTo(1250);
        assertThat(group.latitude()).isEqualTo(12.68);
        assertThat(jdbc.sql(
                                "SELECT detail FROM audit.entries WHERE action = 'DIRECTORY_CHANGE' AND subject = 'villages'"
                                        + " ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("imported thon.csv: 4 lines, 3 added, 1 already present");

        int before = villages();
        assertThat(String.valueOf(upload(csv).getMvcResult().getFlashMap().get("villagesImported")))
                .isEqualTo("Result[lines=4, added=0, alreadyPresent=4]");
        assertThat(villages()).isEqualTo(before);
    }

    @Test
    void aFileWithFaultyLinesChangesNothingAndNamesEveryLine() {
        int before = villages();
        String csv = "ma_xa,ten,loai,dan_so,vi_do,kinh_do\n"
                + commune.code() + ",Thôn Tốt,thon,,,\n" // line 2: fine, but not imported either
                + "99999x,Thôn Lạc,thon,,,\n" // 3
                + commune.code() + ",,thon,,,\n" // 4
                + commune.code() + ",Thôn Lạ,nhà,,,\n" // 5
                + commune.code() + ",Thôn Lệch,thon,,12.5,\n" // 6
                + commune.code() + ",Thôn Tốt,thon,,,\n" // 7: repeats line 2
                + commune.code() + ",Thôn Số,thon,nhiều,,\n"; // 8
        assertThat(upload(csv))
                .hasStatus(422)
                .bodyText()
                .contains("Tệp có 6 dòng lỗi, chưa nhập gì.")
                .contains("Dòng 3: Mã xã &quot;99999x&quot; không có trong danh mục")
                .contains("Dòng 4: Nhập tên thôn, tổ dân phố")
                .contains("Dòng 5: Hãy chọn loại")
                .contains("Dòng 6: Vị trí cần cả vĩ độ")
                .contains("Dòng 7: Tên này đã có ở dòng 2 cho cùng xã.")
                .contains("Dòng 8: Dân số, vĩ độ và kinh độ phải là số.");
        assertThat(villages()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotUtf8CsvIsRefusedWhole() {
        byte[] latin1 =
                ("ma_xa,ten,loai\n" + commune.code() + ",Thôn Đông,thon\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload(latin1, admin)).hasStatus(422).bodyText().contains("Tệp không ở dạng UTF-8.");
        assertThat(upload("ma_xa,ten,loai\n" + commune.code() + ",\"Thôn Mở,thon\n"))
                .hasStatus(422)
                .bodyText()
                .contains("Tệp không đọc được dưới dạng CSV");
        assertThat(upload("xa,ten thon\n" + commune.code() + ",Thôn X\n"))
                .hasStatus(422)
                .bodyText()
                .contains("Dòng đầu của tệp phải là tiêu đề có các cột ma_xa, ten, loai.");
        assertThat(upload("ma_xa,ten,loai\n")).hasStatus(422).bodyText().contains("Tệp không có dòng dữ liệu nào.");
        assertThat(upload(new byte[0], admin)).hasStatus(422);
        assertThat(mvc.post()
                        .multipart()
                        .uri("/admin/units")
                        .file(new MockMultipartFile(
                                "file",
                                "units.json",
                                "application/json",
                                "{không phải".getBytes(StandardCharsets.UTF_8)))
                        .with(admin)
                        .with(csrf()))
                .as("the unit list too: a broken file is a 422, not a redirect")
                .hasStatus(422)
                .bodyText()
                .contains("Chưa nhập gì.");
        assertThat(upload(
                        ("ma_xa,ten,loai\n" + commune.code() + ",Thôn Y,thon\n").getBytes(StandardCharsets.UTF_8),
                        user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()))))
                .as("administrators only")
                .hasStatus(403);
    }
}
