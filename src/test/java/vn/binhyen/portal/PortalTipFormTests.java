package vn.binhyen.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;
import vn.binhyen.reports.TipReceipt;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/** The resident's form: clear Vietnamese errors next to each field, a receipt, and identity kept secret. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PortalTipFormTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.binhyen.directory.Directory directory;

    TestCommune commune;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
    }

    @Test
    void showsEachProblemNextToItsFieldAndKeepsWhatWasTyped() {
        var page = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("description", "ngắn")
                .param("place", "Cổng chợ")
                .param("anonymous", "false")
                .param("phone", "abc")
                .param("occurredAt", "hôm qua")
                .with(csrf())
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("Vui lòng chọn loại sự việc.")
                .contains("Mô tả cần từ 10 đến 5.000 ký tự.")
                .contains("Số điện thoại không hợp lệ")
                .contains("Thời gian xảy ra không hợp lệ")
                .contains("value=\"Cổng chợ\"");
        assertThat(count()).isZero();
    }

    @Test
    void aChoiceThatIsNotOneOfTheListIsRefusedInVietnamese() {
        for (String village : new String[] {"abc", "99999999999999999999"}) {
            var page = mvc.post()
                    .uri("/x/{c}/bao-tin", commune.code())
                    .param("category", "FOO")
                    .param("villageId", village)
                    .param("description", "Trộm chó ở thôn A lúc nửa đêm")
                    .with(csrf())
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page)
                    .bodyText()
                    .contains("Loại sự việc đã chọn không hợp lệ. Vui lòng chọn lại.")
                    .contains("Thôn, tổ dân phố đã chọn không hợp lệ. Vui lòng chọn lại.")
                    .doesNotContain("Failed to convert");
        }
        assertThat(count()).isZero();
    }

    @Test
    void refusesAFileThatIsNotAPhotoWithoutLosingTheForm() throws Exception {
        var fake = new MockMultipartFile("photos", "anh.jpg", "image/jpeg", "<?php echo 1; ?>".getBytes());
        var page = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .multipart()
                .file(fake)
                .param("category", "THEFT")
                .param("description", "Trộm chó ở thôn A lúc nửa đêm")
                .with(csrf())
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(HtmlUtils.htmlUnescape(page.getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .contains("không phải là ảnh")
                .contains("Trộm chó ở thôn A lúc nửa đêm");
        assertThat(count()).isZero();
    }

    @Test
    void identityNeedsConsent() {
        var page = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "FRAUD")
                .param("description", "Có người gọi giả danh công an đòi chuyển tiền")
                .param("anonymous", "false")
                .param("fullName", "Trần Thị Bình")
                .with(csrf())
                .exchange();
        assertThat(page).hasStatusOk().bodyText().contains("Vui lòng đồng ý với việc xử lý thông tin cá nhân");
        assertThat(count()).isZero();
    }

    @Test
    void aNamedTipIsReceivedAndTheNameIsNeitherLoggedNorStoredInClear(CapturedOutput output) {
        var result = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "FRAUD")
                .param("description", "Có người gọi giả danh công an đòi chuyển tiền")
                .param("villageId", String.valueOf(commune.villageA()))
                .param("anonymous", "false")
                .param("fullName", "Trần Thị Bình")
                .param("phone", "0912345678")
                .param("consent", "true")
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection().flash().containsKey("receipt");
        TipReceipt receipt = (TipReceipt) result.getMvcResult().getFlashMap().get("receipt");
        assertThat(receipt.code()).startsWith("TB-");
        assertThat(count()).isEqualTo(1);
        assertThat(output.getAll())
                .contains(receipt.code())
                .doesNotContain("Trần Thị Bình")
                .doesNotContain("0912345678");
        String everything = jdbc.sql("SELECT t::text || coalesce(r.sealed::text, '') FROM reports.tips t"
                        + " LEFT JOIN reports.reporter_identities r ON r.tip_id = t.id WHERE t.commune_code = ?")
                .param(commune.code())
                .query(String.class)
                .single();
        assertThat(everything)
                .doesNotContain("Trần")
                .doesNotContain("0912345678")
                .doesNotContain("3039313233343536");
    }

    @Test
    void residentSeesStatusAndWritesBackWithCodeAndSecret() {
        var submitted = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "ILLEGAL_RACING")
                .param("description", "Đua xe trên đường liên xã tối thứ bảy")
                .with(csrf())
                .exchange();
        TipReceipt receipt = (TipReceipt) submitted.getMvcResult().getFlashMap().get("receipt");
        var session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/tra-cuu")
                        .param("code", receipt.code().toLowerCase())
                        .param("secret", "WRONG-WRONG")
                        .session(session)
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Mã tin báo hoặc mã bí mật không đúng.");
        assertThat(mvc.post()
                        .uri("/tra-cuu")
                        .param("code", receipt.code().toLowerCase())
                        .param("secret", receipt.secret())
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/tra-cuu/" + receipt.code());
        assertThat(mvc.get().uri("/tra-cuu/{code}", receipt.code()).session(session))
                .hasStatusOk()
                .bodyText()
                .contains("Đã tiếp nhận");
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/tin-nhan", receipt.code())
                        .param("body", "Có 15 xe, 30 người.")
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/tra-cuu/{code}", receipt.code()).session(session))
                .bodyText()
                .contains("Có 15 xe, 30 người.");
        assertThat(mvc.get().uri("/tra-cuu/{code}", receipt.code())).hasStatus3xxRedirection();
    }

    @Test
    void reporterAsksForProtectionFromTheStatusPageAndTheChiefSeesItInTheRegister() {
        var submitted = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "DRUGS")
                .param("description", "Có người bán ma tuý ở quán nước đầu thôn")
                .param("anonymous", "false")
                .param("fullName", "Lê Thị Bảo Vệ")
                .param("phone", "0987654321")
                .param("consent", "true")
                .with(csrf())
                .exchange();
        TipReceipt receipt = (TipReceipt) submitted.getMvcResult().getFlashMap().get("receipt");
        var session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/bao-ve", receipt.code())
                        .param("note", "Bị nhắn tin đe doạ")
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/tra-cuu");
        assertThat(mvc.post()
                        .uri("/tra-cuu")
                        .param("code", receipt.code())
                        .param("secret", receipt.secret())
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/tra-cuu/{code}", receipt.code()).session(session))
                .hasStatusOk()
                .bodyText()
                .contains("Đề nghị bảo vệ người tố giác");
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/bao-ve", receipt.code())
                        .param("note", "   ")
                        .session(session)
                        .with(csrf()))
                .hasStatus(400)
                .bodyText()
                .contains("Đề nghị bảo vệ cần từ 1 đến 2.000 ký tự.");
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/bao-ve", receipt.code())
                        .param("note", "Bị nhắn tin đe doạ sau khi báo tin")
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/tra-cuu/{code}", receipt.code()).session(session))
                .bodyText()
                .contains("Bạn đã đề nghị bảo vệ lúc");
        long tipId = jdbc.sql("SELECT id FROM reports.tips WHERE code = ?")
                .param(receipt.code())
                .query(Long.class)
                .single();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM reports.docket_events WHERE tip_id = ? AND type = 'PROTECTION_REQUESTED'")
                        .param(tipId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(mvc.get()
                        .uri("/console/register")
                        .with(user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()))))
                .hasStatusOk()
                .bodyText()
                .contains(receipt.code())
                .contains("Bảo vệ người tố giác");
    }

    @Test
    void anonymousReportersAreToldTheyCannotBeProtected() {
        var submitted = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "DRUGS")
                .param("description", "Có người bán ma tuý ở quán nước đầu thôn")
                .with(csrf())
                .exchange();
        TipReceipt receipt = (TipReceipt) submitted.getMvcResult().getFlashMap().get("receipt");
        var session = new MockHttpSession();
        mvc.post()
                .uri("/tra-cuu")
                .param("code", receipt.code())
                .param("secret", receipt.secret())
                .session(session)
                .with(csrf())
                .exchange();
        assertThat(mvc.get().uri("/tra-cuu/{code}", receipt.code()).session(session))
                .bodyText()
                .doesNotContain("Gửi đề nghị bảo vệ");
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/bao-ve", receipt.code())
                        .param("note", "Bị đe doạ")
                        .session(session)
                        .with(csrf()))
                .hasStatus(400)
                .bodyText()
                .contains("Tin báo ẩn danh: công an không biết bạn là ai");
    }

    @Test
    void unknownCommuneIsANotFoundPageInVietnamese(@LocalServerPort int port) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/x/00000"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy trang");
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM reports.tips WHERE commune_code = ?")
                .param(commune.code())
                .query(Long.class)
                .single();
    }
}
