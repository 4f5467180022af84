package vn.binhyen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** One address trying many sign-ins: past the limit a minute, a 429 in Vietnamese; other addresses and pages pass. */
class SignInRateLimitTests {

    static MockHttpServletResponse post(SignInRateLimit limit, String address, String path) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void pastTheLimitOneAddressGetsA429AndOthersPass() throws Exception {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("vi"));
        try {
            var limit = new SignInRateLimit(3, messages);
            for (int i = 0; i < 3; i++) {
                assertThat(post(limit, "10.0.0.1", "/login").getStatus()).isEqualTo(200);
            }
            var refused = post(limit, "10.0.0.1", "/login");
            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
            assertThat(refused.getContentAsString()).contains("Bạn gửi quá nhiều yêu cầu");
            assertThat(post(limit, "10.0.0.2", "/login").getStatus()).isEqualTo(200);
            assertThat(post(limit, "10.0.0.1", "/login/code").getStatus())
                    .as("codes of the second factor share the sign-in's limit")
                    .isEqualTo(429);
            assertThat(post(limit, "10.0.0.1", "/console/tips/1/reply").getStatus())
                    .as("only the sign-in form is limited here")
                    .isEqualTo(200);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
