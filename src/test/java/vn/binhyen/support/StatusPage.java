package vn.binhyen.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.reports.TipReceipt;

/** A resident's tip status page, opened as a resident does: code and secret typed at {@code /tra-cuu}. */
public final class StatusPage {

    private StatusPage() {}

    /** The session that holds the opened tip, for the status page's forms. */
    public static MockHttpSession opened(MockMvcTester mvc, TipReceipt receipt) {
        var session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/tra-cuu")
                        .param("code", receipt.code())
                        .param("secret", receipt.secret())
                        .session(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        return session;
    }
}
