package vn.binhyen.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.Images;
import vn.binhyen.support.IntegrationTest;

/** The public JSON API as another app would use it, including every way it can be misused. */
@IntegrationTest
class TipApiTests {

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

    private String tipJson(String description) {
        return json.writeValueAsString(Map.of(
                "communeCode",
                commune.code(),
                "villageId",
                commune.villageA(),
                "category",
                "ILLEGAL_RACING",
                "description",
                description,
                "occurredAt",
                "2026-11-28T21:30",
                "urgent",
                true));
    }

    private Map<?, ?> post(String body) {
        var result = mvc.post()
                .uri("/api/v1/tips")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(r -> {
                    r.setRemoteAddr("10.1." + commune.code().substring(3) + ".1");
                    return r;
                })
                .exchange();
        assertThat(result).hasStatus(201);
        return json.readValue(result.getResponse().getContentAsByteArray(), Map.class);
    }

    @Test
    void residentSendsATipAndFollowsItWithCodeAndSecret() {
        Map<?, ?> created = post(tipJson("Thanh niên tụ tập đua xe ở đường liên thôn mỗi tối"));
        String code = (String) created.get("code");
        String secret = (String) created.get("secret");
        assertThat(code).startsWith("TB-");
        assertThat(secret).hasSize(19);

        assertThat(mvc.get().uri("/api/v1/tips/{code}", code).header("X-Tip-Secret", secret))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RECEIVED");

        assertThat(mvc.post()
                        .uri("/api/v1/tips/{code}/messages", code)
                        .header("X-Tip-Secret", secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"Tối nay lại tụ tập.\"}"))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.messages[0].body")
                .isEqualTo("Tối nay lại tụ tập.");
    }

    @Test
    void wrongSecretAndUnknownCodeLookTheSame() {
        String code = (String) post(tipJson("Trộm cắp tài sản ở chợ thôn A")).get("code");
        var wrong = mvc.get()
                .uri("/api/v1/tips/{code}", code)
                .header("X-Tip-Secret", "AAAA-BBBB-CCCC-DDDD")
                .exchange();
        var unknown = mvc.get()
                .uri("/api/v1/tips/TB-2222-2222")
                .header("X-Tip-Secret", "AAAA-BBBB-CCCC-DDDD")
                .exchange();
        assertThat(wrong)
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Mã tin báo hoặc mã bí mật không đúng.");
        assertThat(unknown)
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Mã tin báo hoặc mã bí mật không đúng.");
        assertThat(mvc.get().uri("/api/v1/tips/{code}", code)).hasStatus(401);
    }

    @Test
    void invalidTipsGetProblemDetailsInVietnamese() {
        var result = mvc.post()
                .uri("/api/v1/tips")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"communeCode\":\"" + commune.code() + "\",\"category\":\"THEFT\",\"description\":\"ngắn\"}")
                .exchange();
        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("Mô tả cần từ 10 đến 5.000 ký tự.");

        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communeCode\":\"99999x\",\"category\":\"NOPE\",\"description\":\"0123456789\"}"))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .hasStatus(415);
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communeCode\":\"" + commune.code()
                                + "\",\"category\":\"THEFT\",\"description\":\"Mất xe máy ở chợ\","
                                + "\"latitude\":\"NaN\",\"longitude\":108.05}"))
                .as("a position that is not a number is refused once, with one sentence")
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors")
                .asArray()
                .hasSize(1);
    }

    @Test
    void eachRefusedFieldIsNamedInVietnamese() {
        String longName = "a".repeat(130);
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communeCode\":\"\",\"category\":\"THEFT\",\"description\":\" \","
                                + "\"reporterName\":\"" + longName
                                + "\",\"reporterPhone\":\"0912345678901234567890\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].message")
                .asArray()
                .containsExactlyInAnyOrder(
                        "Vui lòng chọn công an xã, phường nhận tin.",
                        "Vui lòng mô tả sự việc.",
                        "Họ tên tối đa 120 ký tự.",
                        "Số điện thoại không hợp lệ (ví dụ: 0912345678).");
        Map<?, ?> created = post(tipJson("Trộm cắp tài sản ở chợ thôn A"));
        String code = (String) created.get("code");
        String secret = (String) created.get("secret");
        assertThat(mvc.post()
                        .uri("/api/v1/tips/{code}/messages", code)
                        .header("X-Tip-Secret", secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"  \"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("Tin nhắn cần từ 1 đến 2.000 ký tự.");
    }

    @Test
    void unknownCommuneOrAVillageOfAnotherCommuneIsRefused() {
        String body = tipJson("Có người lạ đi dò xét nhà dân").replace(commune.code(), "00001");
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Không tìm thấy xã, phường này.");
        TestCommune other = Fixtures.commune(jdbc);
        String foreignVillage = tipJson("Có người lạ đi dò xét nhà dân")
                .replace("\"villageId\":" + commune.villageA(), "\"villageId\":" + other.villageA());
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(foreignVillage))
                .hasStatus(422);
    }

    @Test
    void photosAreCheckedByTheirBytesNotTheirName() {
        var tip = new MockMultipartFile(
                "tip",
                "",
                MediaType.APPLICATION_JSON_VALUE,
                tipJson("Đánh nhau trước cổng chợ, có ảnh").getBytes());
        var photo = new MockMultipartFile("photos", "hien-truong.png", "image/png", Images.png());
        var created =
                mvc.post().uri("/api/v1/tips").multipart().file(tip).file(photo).exchange();
        assertThat(created)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.photosStored")
                .isEqualTo(1);
        String code = json.readValue(created.getResponse().getContentAsByteArray(), Map.class)
                .get("code")
                .toString();
        assertThat(jdbc.sql("""
                        SELECT a.content_type FROM reports.tip_attachments a JOIN reports.tips t ON t.id = a.tip_id
                        WHERE t.code = ?""").param(code).query(String.class).single()).isEqualTo("image/png");

        var fake = new MockMultipartFile("photos", "anh.jpg", "image/jpeg", "MZ this is an exe".getBytes());
        assertThat(mvc.post().uri("/api/v1/tips").multipart().file(tip).file(fake))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("không phải là ảnh");
    }

    @Test
    void aPhotoOverTheLimitIsRefusedWith413() {
        var tip = new MockMultipartFile(
                "tip",
                "",
                MediaType.APPLICATION_JSON_VALUE,
                tipJson("Ảnh quá lớn gửi kèm tin báo").getBytes());
        byte[] big = new byte[6 * 1024 * 1024];
        byte[] png = Images.png();
        System.arraycopy(png, 0, big, 0, png.length);
        var photo = new MockMultipartFile("photos", "to.png", "image/png", big);
        assertThat(mvc.post().uri("/api/v1/tips").multipart().file(tip).file(photo))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("quá lớn");
    }

    @Test
    void openApiDescribesTheTipApi() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("/api/v1/tips/{code}/messages");
    }
}
