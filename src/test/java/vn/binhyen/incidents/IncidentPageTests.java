package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/** An incident's page, as the officer's browser gets it. */
@IntegrationTest
class IncidentPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Conversations conversations;

    @Autowired
    TipIntake tips;

    @Test
    void thePageIsTitledWithWhatAndWhereNotWithTheTemplatesMarkup() {
        TestCommune commune = Fixtures.commune(jdbc);
        Signals signals = new Signals(jdbc, conversations, tips);
        signals.tip(commune, commune.villageA(), TipCategory.ILLEGAL_RACING, "Thanh niên tụ tập đua xe ở thôn A");
        Signals.eventually().until(() -> signals.openIncidents(commune).size() == 1);
        long incident = signals.openIncidents(commune).getFirst();

        var chief = Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
        assertThat(mvc.get().uri("/console/incidents/" + incident).with(user(chief)))
                .hasStatusOk()
                .bodyText()
                .containsPattern("<title>[^<]*Đua xe[^<]*Thôn A[^<]*</title>")
                .containsPattern("<span id=\"incident-title\">[^<]*Đua xe[^<]*Thôn A[^<]*</span>")
                .doesNotContain("th:text", "&lt;title");
    }
}
