package vn.binhyen.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import vn.binhyen.shared.text.TypedText;

/**
 * A form sent from a page whose session is gone: left open past the session's life, or the server restarted. Spring
 * Security refuses it (its CSRF token belongs to the old session) with a bare 403, and the error page said "you may
 * not see this page", with the tip lost. The error page now says the page expired, shows the free text the resident
 * typed so they can copy it, and links back to the page they sent it from.
 *
 * <p>Told apart from other 403s by Spring Security's own sign: the CSRF filter had to make a new token for this
 * request, which means no session held one, so the token the form carried could not match.
 */
final class ExpiredForms {

    /** The portal's fields where a resident writes at length: the tip, its place, a message, a protection request. */
    private static final List<String> TYPED_FIELDS = List.of("description", "place", "body", "note");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Servlet 6.1's request attribute for the method of the request that failed. */
    private static final String ERROR_METHOD = "jakarta.servlet.error.method";

    private ExpiredForms() {}

    static boolean expired(WebRequest request, @Nullable Object status) {
        return Objects.equals(status, 403)
                && !SAFE_METHODS.contains(methodSent(request))
                && request.getAttribute(DeferredCsrfToken.class.getName(), RequestAttributes.SCOPE_REQUEST)
                        instanceof DeferredCsrfToken token
                && token.isGenerated();
    }

    /** The error page is rendered in a GET; the servlet container keeps the method the form was sent with. */
    private static @Nullable String methodSent(WebRequest request) {
        Object method = request.getAttribute(ERROR_METHOD, RequestAttributes.SCOPE_REQUEST);
        if (method instanceof String sent) {
            return sent;
        }
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod()
                : null;
    }

    static List<String> typed(WebRequest request) {
        return TYPED_FIELDS.stream()
                .map(request::getParameter)
                .map(TypedText::withoutNul)
                .filter(text -> text != null && !text.isBlank())
                .toList();
    }

    /** The page the form was on, from the Referer, as a path on this server (never another site's address). */
    static @Nullable String pageSentFrom(WebRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            boolean thisServer = uri.getHost() == null
                    || (request instanceof ServletWebRequest servlet
                            && uri.getHost()
                                    .equalsIgnoreCase(servlet.getRequest().getServerName()));
            return thisServer && path != null && path.startsWith("/") && !path.startsWith("//") ? path : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
