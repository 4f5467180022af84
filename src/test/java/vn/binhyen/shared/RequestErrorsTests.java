package vn.binhyen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.support.IntegrationTest;

/**
 * What Spring MVC itself refuses (an unknown address, a wrong method or media type, a value that is not a number, an
 * upload over the ceiling) is answered in Vietnamese: problem details on the API, the error page in a browser. Spring
 * Boot's own handler answered all of it in English JSON, browsers included.
 */
@IntegrationTest
class RequestErrorsTests {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    MockMvcTester mvc;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theApiAnswersProblemDetailsInVietnamese() {
        assertThat(mvc.get().uri("/api/v1/khong-co"))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Không tìm thấy trang hoặc thông tin bạn cần.");
        var wrongMethod = mvc.delete().uri("/api/v1/tips").exchange();
        assertThat(wrongMethod)
                .hasStatus(405)
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Thao tác này không được hỗ trợ ở địa chỉ này.");
        assertThat(wrongMethod).headers().containsHeader("Allow");
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .hasStatus(415)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Định dạng dữ liệu không được hỗ trợ.");
        assertThat(mvc.get().uri("/api/v1/knowledge/suggest?q=a&limit=abc"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Giá trị của tham số \"limit\" không hợp lệ.");
    }

    @Test
    void aBrowserGetsTheErrorPageInVietnamese() throws Exception {
        var unknown = browse("/x/24121/");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(unknown.body()).contains("Không tìm thấy trang hoặc thông tin bạn cần.");

        var notANumber = browse("/ban-tin/abc");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body())
                .contains("Yêu cầu không hợp lệ. Vui lòng kiểm tra lại thông tin đã nhập.")
                .doesNotContain("Failed to convert");
    }

    @Test
    void anApiUploadOverTheCeilingIsA413InVietnamese() throws Exception {
        byte[] photo = new byte[9 * 1024 * 1024];
        var tooLarge = multipart("photos", "anh.jpg", photo, 1);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("Tệp gửi lên quá lớn.");

        var tooManyParts = multipart("x", null, "a".getBytes(StandardCharsets.UTF_8), 60);
        assertThat(tooManyParts.statusCode()).isEqualTo(413);
        assertThat(tooManyParts.body()).contains("Tệp gửi lên quá lớn.").doesNotContain("Maximum upload size");
    }

    private HttpResponse<String> browse(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", BROWSER)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A tip with {@code copies} extra parts named {@code name}, as an app would send photos. */
    private HttpResponse<String> multipart(String name, String fileName, byte[] content, int copies) throws Exception {
        String boundary = "----binhyen";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tip\"\r\n"
                        + "Content-Type: application/json\r\n\r\n"
                        + "{\"communeCode\":\"24121\",\"category\":\"THEFT\",\"description\":\"Ảnh quá lớn gửi kèm\"}\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < copies; i++) {
            String disposition =
                    "form-data; name=\"" + name + "\"" + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
            body.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tips"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
