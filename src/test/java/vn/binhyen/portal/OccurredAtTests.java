package vn.binhyen.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * When a tip says something happened: the form and the API share one rule, not in the future and not before 1900.
 * Years PostgreSQL cannot store (-5000, +999999) were a 500, and the API took 2099 that the form refused.
 */
@IntegrationTest
class OccurredAtTests {

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
    void theFormRefusesATimeBefore1900NextToTheFieldAndKeepsTheTip() throws Exception {
        var page = form("-5000-01-01T00:00");
        assertThat(page).hasStatusOk();
        assertThat(HtmlUtils.htmlUnescape(page.getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .contains("Thời gian xảy ra không thể trước năm 1900.")
                .contains(">Xe máy bị lấy trộm trước cổng chợ</textarea>");
        assertThat(tips()).isZero();
    }

    @Test
    void theFormRefusesATimeFarInTheFuture() {
        assertThat(form("+999999-01-01T00:00"))
                .hasStatusOk()
                .bodyText()
                .contains("Thời gian xảy ra không thể ở tương lai.");
        assertThat(tips()).isZero();
    }

    @Test
    void theApiRefusesTheSameTimesWith422() {
        for (String at : new String[] {"+999999-01-01T00:00:00Z", "2099-01-01T00:00:00Z"}) {
            assertThat(api(at))
                    .hasStatus(422)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.errors[0]")
                    .isEqualTo(java.util.Map.of(
                            "field", "occurredAt", "message", "Thời gian xảy ra không thể ở tương lai."));
        }
        assertThat(api("-5000-01-01T00:00:00Z"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Thời gian xảy ra không thể trước năm 1900. Vui lòng kiểm tra lại năm.");
        assertThat(api("hôm qua"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("occurredAt");
        assertThat(tips()).isZero();
        assertThat(api("2026-01-15T08:00:00+07:00")).hasStatus(201);
    }

    private MvcTestResult form(String occurredAt) {
        return mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "THEFT")
                .param("description", "Xe máy bị lấy trộm trước cổng chợ")
                .param("occurredAt", occurredAt)
                .with(csrf())
                .exchange();
    }

    private MvcTestResult api(String occurredAt) {
        return mvc.post()
                .uri("/api/v1/tips")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"communeCode\":\"" + commune.code()
                        + "\",\"category\":\"THEFT\",\"description\":\"Xe máy bị lấy trộm trước cổng chợ\","
                        + "\"occurredAt\":\"" + occurredAt + "\"}")
                .exchange();
    }

    private long tips() {
        return jdbc.sql("SELECT count(*) FROM reports.tips WHERE commune_code = ?")
                .param(commune.code())
                .query(Long.class)
                .single();
    }
}
