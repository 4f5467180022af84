package vn.binhyen.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.binhyen.shared.text.TypedText;

/**
 * Every request parameter (query, form, the text parts of a multipart form) is read without U+0000, whoever reads it:
 * a controller, a form binder or a security filter. One place instead of a check before each statement, since any
 * parameter that reaches PostgreSQL with a NUL fails its statement with a 500 (a tip's description, a message, a
 * commune code looked up, an OAuth state). {@link TypedText#withoutNul} says why the character is removed, not
 * refused. JSON bodies get the same through {@link NulFreeJsonStrings}.
 *
 * <p>Runs after the character-encoding filter (which must come before anything parses parameters) and before Spring
 * Security, whose CSRF check reads the form first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulFreeParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Request(request), response);
    }

    private static final class Request extends HttpServletRequestWrapper {

        private @Nullable Map<String, String[]> parameters;

        Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getParameter(String name) {
            return TypedText.withoutNul(super.getParameter(name));
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return clean(super.getParameterValues(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> copy = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> copy.put(name, clean(values)));
                parameters = Collections.unmodifiableMap(copy);
            }
            return parameters;
        }

        private static String @Nullable [] clean(String @Nullable [] values) {
            if (values == null || Arrays.stream(values).noneMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                return values;
            }
            return Arrays.stream(values).map(TypedText::withoutNul).toArray(String[]::new);
        }
    }
}
