package vn.binhyen.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * A form sent from a page whose session is gone (left open too long, or the server restarted): the page says it
 * expired, instead of "you may not see this page", and shows what the resident wrote. Over a real connection, since
 * the error page is rendered by the servlet container's error dispatch, which a mock request never makes.
 */
@IntegrationTest
class ExpiredPageTests {

    static final String DESCRIPTION = "Xe máy bị lấy trộm trước cổng chợ";

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    TestCommune commune;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
    }

    @Test
    void aFormFromAnExpiredPageSaysSoAndShowsWhatWasTyped() throws Exception {
        String form =
                "_csrf=het-han&category=THEFT&description=" + URLEncoder.encode(DESCRIPTION, StandardCharsets.UTF_8);
        String tipForm = "/x/" + commune.code() + "/bao-tin";
        // No session cookie: the session the page was served in is gone
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + tipForm))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "text/html")
                                .header("Referer", "http://localhost:" + port + tipForm)
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(HtmlUtils.htmlUnescape(response.body()))
                .contains("Trang đã hết hạn")
                .contains(DESCRIPTION + "</textarea>")
                .contains("href=\"" + tipForm)
                .doesNotContain("Bạn không có quyền xem trang này.");
        assertThat(jdbc.sql("SELECT count(*) FROM reports.tips WHERE commune_code = ?")
                        .param(commune.code())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
