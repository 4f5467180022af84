package vn.binhyen.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import vn.binhyen.reports.TipReceipt;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.StatusPage;

/**
 * Nothing a resident typed is lost to a refusal: the form or the status page comes back filled, with the sentence
 * next to the field. And lengths count what is kept, as the browser counts them.
 */
@IntegrationTest
class TypedTextKeptTests {

    static final String DESCRIPTION = "Xe máy bị lấy trộm trước cổng chợ";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    TestCommune commune;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
    }

    @Test
    void aPinOutsideTheEarthIsRefusedNextToTheMapClearedAndTheTipKept() throws Exception {
        String[][] pins = {
            {"NaN", "108.05"}, {"Infinity", "108.05"}, {"1e400", "108.05"}, {"91", "108.05"}, {"12.6", "468.05"}
        };
        for (String[] pin : pins) {
            var result = mvc.post()
                    .uri("/x/{c}/bao-tin", commune.code())
                    .param("category", "THEFT")
                    .param("description", DESCRIPTION)
                    .param("latitude", pin[0])
                    .param("longitude", pin[1])
                    .with(csrf())
                    .exchange();
            assertThat(result).as("%s, %s", pin[0], pin[1]).hasStatusOk();
            assertThat(page(result))
                    .contains("Vị trí trên bản đồ không hợp lệ nên đã được bỏ.")
                    .contains(">" + DESCRIPTION + "</textarea>")
                    .contains("id=\"latitude\" name=\"latitude\" value=\"\"")
                    .contains("id=\"longitude\" name=\"longitude\" value=\"\"");
        }
        assertThat(tips()).isZero();
    }

    @Test
    void aDescriptionPaddedWithSpacesCountsWithoutThem() throws Exception {
        String padded = "          123456789          ";
        var form = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "THEFT")
                .param("description", padded)
                .with(csrf())
                .exchange();
        assertThat(form).hasStatusOk();
        assertThat(page(form)).contains("Mô tả cần từ 10 đến 5.000 ký tự.").contains(">123456789</textarea>");
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communeCode\":\"" + commune.code() + "\",\"category\":\"THEFT\",\"description\":\""
                                + padded + "\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("Mô tả cần từ 10 đến 5.000 ký tự.");
        assertThat(tips()).isZero();
    }

    @Test
    void aMessageOfManyShortLinesFitsAsTheTextareaCountsIt() {
        // 1,799 characters with a line break as one, as the textarea's maxlength counts; 2,398 as the browser sends it
        String lines = String.join("\r\n", java.util.Collections.nCopies(600, "ab"));
        TipReceipt receipt = tip();
        var session = opened(receipt);
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/tin-nhan", receipt.code())
                        .param("body", lines)
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("""
                        SELECT m.body FROM reports.tip_messages m JOIN reports.tips t ON t.id = m.tip_id
                         WHERE t.code = ?""").param(receipt.code()).query(String.class).single())
                .isEqualTo(lines.replace("\r\n", "\n"));
    }

    @Test
    void aRefusedMessageComesBackInItsBoxWithTheReason() throws Exception {
        TipReceipt receipt = tip();
        var session = opened(receipt);
        String tooLong = "Tối nay lại tụ tập đua xe " + "x".repeat(2000);
        var result = mvc.post()
                .uri("/tra-cuu/{code}/tin-nhan", receipt.code())
                .param("body", tooLong)
                .session(session)
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus(400);
        assertThat(page(result))
                .contains("Tin nhắn cần từ 1 đến 2.000 ký tự.")
                .contains(tooLong + "</textarea>")
                .contains(receipt.code());
    }

    private TipReceipt tip() {
        var result = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "ILLEGAL_RACING")
                .param("description", "Đua xe trên đường liên xã tối thứ bảy")
                .with(csrf())
                .exchange();
        return (TipReceipt) result.getMvcResult().getFlashMap().get("receipt");
    }

    private MockHttpSession opened(TipReceipt receipt) {
        return StatusPage.opened(mvc, receipt);
    }

    private static String page(MvcTestResult result) throws Exception {
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long tips() {
        return jdbc.sql("SELECT count(*) FROM reports.tips WHERE commune_code = ?")
                .param(commune.code())
                .query(Long.class)
                .single();
    }
}
