package vn.binhyen.accounts.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts (passwords, and codes of the second factor) per client address
 * ({@code binhyen.accounts.sign-ins-per-minute}, 20), whatever the names tried: {@link SignInLockout} stops guessing one
 * officer's password, this stops trying one password on many officers. Ahead of the security filters, which answer the
 * sign-in form themselves. Counted per node.
 */
@Component
@Order(-200)
class SignInRateLimit extends OncePerRequestFilter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;
    private final MessageSource messages;

    SignInRateLimit(@Value("${binhyen.accounts.sign-ins-per-minute:20}") int perMinute, MessageSource messages) {
        this.perMinute = perMinute;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && ("/login".equals(request.getRequestURI())
                        || SecondFactorGate.CODE_PAGE.equals(request.getRequestURI())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.computeIfAbsent(
                request.getRemoteAddr(),
                address -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        if (bucket.tryConsume(1)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write(messages.getMessage("error.429", null, LocaleContextHolder.getLocale()));
    }

    /** Forget idle addresses; a fresh bucket is full, which is what an idle one would be. */
    @Scheduled(fixedDelay = 600_000)
    void forgetIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= perMinute);
    }
}
