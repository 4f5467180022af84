package vn.binhyen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.binhyen.support.IntegrationTest;

/**
 * Requests Tomcat cannot take apart, sent over a real connection (a mock request never meets Tomcat's parsers): a
 * refusal in Vietnamese, and a line in the log rather than an ERROR with a stack trace.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UnreadableRequestTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTipFormWithAPhotoNamedWithANulIsA400InVietnamese() throws Exception {
        String boundary = "----binhyen";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
                        + "Trộm chó ở thôn A lúc nửa đêm\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a")
                .getBytes(StandardCharsets.UTF_8));
        body.write(0);
        body.write(("b.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nxx\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/x/24121/bao-tin"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Không đọc được biểu mẫu bạn gửi");
    }

    @Test
    void aQueryThatIsNotUtf8IsA400WithoutAStackTraceInTheLog(CapturedOutput output) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hoi-dap?q=%FF"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Yêu cầu không hợp lệ.");
        assertThat(output.getAll())
                .contains("its parameters could not be read")
                .doesNotContain("MalformedInputException")
                .doesNotContain("threw exception");
    }
}
