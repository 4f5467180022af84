package vn.binhyen.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sends an htmx request that needs a sign-in (the badge polling every 10 s, a search, a live form) to the sign-in page
 * as a whole page. A redirect would not do: the browser follows it inside the request, and htmx would put the sign-in
 * page into the badge. htmx navigates on {@code HX-Redirect} before it looks at the status.
 */
final class SignInAgain implements AuthenticationEntryPoint, SessionInformationExpiredStrategy {

    static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request");

    private final String page;

    private SignInAgain(String page) {
        this.page = page;
    }

    /** Not signed in (or the session timed out): {@code /login}. */
    static SignInAgain notSignedIn() {
        return new SignInAgain("/login");
    }

    /**
     * The session was ended by a change to the account: {@code /login?expired}, as a redirect for a page and as
     * {@code HX-Redirect} for htmx.
     */
    static SignInAgain sessionEnded() {
        return new SignInAgain("/login?expired");
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException) {
        sendToHtmx(request, response);
    }

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws java.io.IOException {
        HttpServletRequest request = event.getRequest();
        HttpServletResponse response = event.getResponse();
        if (HTMX.matches(request)) {
            sendToHtmx(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + page);
        }
    }

    private void sendToHtmx(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("HX-Redirect", request.getContextPath() + page);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
    }
}
