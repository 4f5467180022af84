package vn.binhyen.portal.web;

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
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Limits how often one client address may send tips, messages and code look-ups, so nobody floods a commune's inbox
 * or guesses tip secrets. Counted per node; with several nodes the limit is per node, which is enough for abuse.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final PortalProperties properties;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RateLimitFilter(PortalProperties properties, MessageSource messages, LocaleResolver locales) {
        this.properties = properties;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        boolean residentWrite = path.startsWith("/x/") || path.startsWith("/tra-cuu") || path.startsWith("/api/v1/");
        boolean secretLookup = path.startsWith("/api/v1/tips/");
        return !((write && residentWrite) || secretLookup);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> newBucket());
        if (bucket.tryConsume(1)) {
            chain.doFilter(request, response);
            return;
        }
        // The application's locale (fixed Vietnamese), as the pages use: a filter runs before MVC applies it, and the
        // request's own locale followed the browser's Accept-Language, so an English browser was answered in English.
        String detail = messages.getMessage("error.429", null, locales.resolveLocale(request));
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"status\":429,\"title\":\"" + detail + "\",\"detail\":\""
                            + detail + "\"}");
        } else {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write(detail);
        }
    }

    private Bucket newBucket() {
        int perMinute = properties.writesPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** Forget idle addresses so the map stays small; a fresh bucket is full, which is what an idle one would be. */
    @Scheduled(fixedDelay = 600_000)
    void forgetIdleAddresses() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= properties.writesPerMinute());
    }
}
