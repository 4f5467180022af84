package vn.binhyen.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.support.Fixtures;

/**
 * The portal with only the modules it depends on (directory, reports and theirs): its pages and API stand on those
 * modules' APIs alone. Security lives in accounts, which the portal does not depend on, so filters are off here.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@AutoConfigureMockMvc(addFilters = false)
class PortalModuleTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsACommunePageWithItsVillagesAndTakesATipThroughTheApi() {
        var commune = Fixtures.commune(jdbc);
        assertThat(mvc.get().uri("/x/{c}", commune.code()))
                .hasStatusOk()
                .bodyText()
                .contains("Công an xã Thử " + commune.code())
                .contains("Thôn A")
                .contains("0262 000 113");
        assertThat(mvc.get().uri("/")).hasStatusOk().bodyText().contains("Công an xã Thử " + commune.code());
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communeCode\":\"" + commune.code() + "\",\"category\":\"OTHER\","
                                + "\"description\":\"Tiếng ồn karaoke sau 22 giờ\"}"))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.code")
                .asString()
                .startsWith("TB-");
    }
}
