package vn.binhyen.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page's multipart form (the tip form with its photos) is read here, before Spring Security's CSRF check reads its
 * token from it. Tomcat throws from that first read when the form cannot be taken apart (a photo named "a\0b.jpg"
 * fails its file-name check); thrown from inside the security filters, that was a 500. Here it is a 400 with a
 * Vietnamese page saying what to do. The API is left to Spring MVC, whose multipart handling answers 400 problem
 * details already.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UnreadableForms extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableForms.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            // The client's form, not our fault: one line, no stack trace, and nothing of what was sent
            log.warn(
                    "Refused a form to {} {} that could not be read: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getSimpleName());
            request.setAttribute(VietnameseErrorAttributes.MESSAGE_KEY, "error.form-unreadable");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
