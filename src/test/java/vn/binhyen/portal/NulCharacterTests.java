package vn.binhyen.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;
import vn.binhyen.reports.TipReceipt;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.StatusPage;

/**
 * U+0000 in what a resident or a client sends: PostgreSQL cannot store it, so it used to fail the statement with a 500
 * and lose the tip. It is removed and everything else arrives (found by fuzzing the running app).
 */
@IntegrationTest
class NulCharacterTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    TestCommune commune;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
    }

    @Test
    void aTipFromTheFormArrivesWithoutTheNul() {
        var result = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "THEFT")
                .param("description", "Trộm chó\u0000 ở thôn A lúc nửa đêm")
                .param("place", "Cổng\u0000 chợ")
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        TipReceipt receipt = (TipReceipt) result.getMvcResult().getFlashMap().get("receipt");
        assertThat(stored(receipt.code(), "description")).isEqualTo("Trộm chó ở thôn A lúc nửa đêm");
        assertThat(stored(receipt.code(), "place")).isEqualTo("Cổng chợ");
    }

    @Test
    void aTipFromTheApiArrivesWithoutTheNul() {
        String body = json.writeValueAsString(Map.of(
                "communeCode", commune.code(),
                "category", "THEFT",
                "description", "abc\u0000 defghijkl",
                "place", "chợ\u0000"));
        var result = mvc.post()
                .uri("/api/v1/tips")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(result).hasStatus(201);
        String code = (String) json.readValue(result.getResponse().getContentAsByteArray(), Map.class)
                .get("code");
        assertThat(stored(code, "description")).isEqualTo("abc defghijkl");
        assertThat(stored(code, "place")).isEqualTo("chợ");
    }

    @Test
    void messagesAndAProtectionRequestArriveWithoutTheNul() {
        TipReceipt receipt = namedTip();
        assertThat(mvc.post()
                        .uri("/api/v1/tips/{code}/messages", receipt.code())
                        .header("X-Tip-Secret", receipt.secret())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"a\\u0000b\"}"))
                .hasStatus(201);
        var session = opened(receipt);
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/tin-nhan", receipt.code())
                        .param("body", "c\u0000d")
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.post()
                        .uri("/tra-cuu/{code}/bao-ve", receipt.code())
                        .param("note", "Bị đe doạ\u0000")
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("""
                        SELECT m.body FROM reports.tip_messages m JOIN reports.tips t ON t.id = m.tip_id
                         WHERE t.code = ? ORDER BY m.id""").param(receipt.code()).query(String.class).list())
                .containsExactly("ab", "cd");
        assertThat(jdbc.sql("""
                        SELECT e.detail FROM reports.docket_events e JOIN reports.tips t ON t.id = e.tip_id
                         WHERE t.code = ? AND e.type = 'PROTECTION_REQUESTED'""").param(receipt.code()).query(String.class).single())
                .isEqualTo("Bị đe doạ");
    }

    @Test
    void aBulletinAskedForWithANulCommuneIsShown() {
        long id = jdbc.sql("""
                        INSERT INTO bulletins.bulletins (kind, title, body, status, province_code, home_commune_code,
                            author_id, author_name, published_at, created_at, updated_at)
                        VALUES ('NOTICE', 'Thông báo thử', 'Nội dung thử.', 'PUBLISHED', ?, ?, 1, 'Trưởng',
                            now(), now(), now()) RETURNING id""")
                .params(commune.provinceCode(), commune.code())
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/ban-tin/{id}", id).param("x", "\u0000")).hasStatusOk();
    }

    @Test
    void aZaloSignInCallbackWithANulStateIsRefusedAsExpired() {
        assertThat(mvc.get()
                        .uri("/channels/zalo/oauth/callback")
                        .param("code", "abc")
                        .param("state", "\u0000"))
                .hasStatus(400);
    }

    private TipReceipt namedTip() {
        var result = mvc.post()
                .uri("/x/{c}/bao-tin", commune.code())
                .param("category", "DRUGS")
                .param("description", "Có người bán ma tuý ở quán nước đầu thôn")
                .param("anonymous", "false")
                .param("fullName", "Lê Văn Thử")
                .param("consent", "true")
                .with(csrf())
                .exchange();
        return (TipReceipt) result.getMvcResult().getFlashMap().get("receipt");
    }

    private MockHttpSession opened(TipReceipt receipt) {
        return StatusPage.opened(mvc, receipt);
    }

    private String stored(String code, String column) {
        return jdbc.sql("SELECT " + column + " FROM reports.tips WHERE code = ?")
                .param(code)
                .query(String.class)
                .single();
    }
}
