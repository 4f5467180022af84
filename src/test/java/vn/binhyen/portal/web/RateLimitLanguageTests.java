package vn.binhyen.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import vn.binhyen.support.IntegrationTest;

/**
 * The "too many requests" answer speaks the application's language, Vietnamese, whatever the browser asks for: it was
 * English for a phone set to English (Accept-Language: en). Built from the application's own messages and locale
 * resolver, with a limit of one request a minute (the suite's limit is too high to reach).
 */
@IntegrationTest
class RateLimitLanguageTests {

    @Autowired
    MessageSource messages;

    @Autowired
    LocaleResolver locales;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anEnglishBrowserIsToldToWaitInVietnamese() throws Exception {
        var filter = new RateLimitFilter(new PortalProperties("", 1), messages, locales);
        // As Spring's request-context filter leaves it for the filters after it: the browser's language
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        MockHttpServletResponse response = null;
        for (int i = 0; i < 2; i++) {
            var request = new MockHttpServletRequest("POST", "/api/v1/tips");
            request.setRemoteAddr("203.0.113.40");
            request.addHeader("Accept-Language", "en");
            request.addPreferredLocale(Locale.ENGLISH);
            response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
        }
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Bạn gửi quá nhiều yêu cầu trong thời gian ngắn.");
    }
}
