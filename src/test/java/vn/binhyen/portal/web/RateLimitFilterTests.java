package vn.binhyen.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

class RateLimitFilterTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final RateLimitFilter filter;

    RateLimitFilterTests() {
        messages.setUseCodeAsDefaultMessage(true);
        filter = new RateLimitFilter(
                new PortalProperties("", 3), messages, new FixedLocaleResolver(Locale.forLanguageTag("vi")));
    }

    private int send(String method, String path, String address) throws Exception {
        var request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void oneAddressMaySendOnlySoManyTipsAMinute() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/v1/tips", "203.0.113.7")).isEqualTo(200);
        }
        assertThat(send("POST", "/api/v1/tips", "203.0.113.7")).isEqualTo(429);
        assertThat(send("POST", "/x/24133/bao-tin", "203.0.113.7")).isEqualTo(429);
        assertThat(send("POST", "/api/v1/tips", "203.0.113.8")).isEqualTo(200);
    }

    @Test
    void guessingSecretsCountsToo() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("GET", "/api/v1/tips/TB-2222-2222", "203.0.113.9");
        }
        assertThat(send("GET", "/api/v1/tips/TB-2222-2222", "203.0.113.9")).isEqualTo(429);
    }

    @Test
    void readingPagesIsNotLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", "/x/24133", "203.0.113.10")).isEqualTo(200);
        }
    }
}
