package vn.binhyen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.binhyen.support.IntegrationTest;

/** Static files are served from /css, /js and /webjars only, and pages still link to them with the library versions. */
@IntegrationTest
class StaticResourcesTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ourStylesheetsAndScriptsAreServedWithACachePeriod() throws Exception {
        var css = get("/css/binhyen.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=3600");

        assertThat(get("/js/tip-form.js").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesLinkToWebjarsWithTheirVersionAndThoseLinksWork() throws Exception {
        var page = get("/hoi-dap");
        assertThat(page.statusCode()).isEqualTo(200);
        var link = Pattern.compile("/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js")
                .matcher(page.body());
        assertThat(link.find())
                .as(
                        "versioned htmx link in the portal page: %s",
                        page.body().lines().filter(l -> l.contains("htmx")).toList())
                .isTrue();

        var script = get(link.group());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode())
                .as("the version-less link still resolves")
                .isEqualTo(200);
    }

    @Test
    void filesOutsideTheAssetFoldersAreNotServed() throws Exception {
        // Templates and configuration sit on the same classpath; only the asset folders are public.
        assertThat(get("/application.properties").statusCode()).isEqualTo(404);
        assertThat(get("/static/css/binhyen.css").statusCode()).isEqualTo(404);
        assertThat(get("/css/no-such-file.css").statusCode()).isEqualTo(404);
    }
}
