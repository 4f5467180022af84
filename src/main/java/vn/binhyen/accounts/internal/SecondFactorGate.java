package vn.binhyen.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.SecondFactors;
import vn.binhyen.accounts.SecondFactors.Step;

/**
 * Console, account and admin pages open only once the session has passed the second factor, or the officer is not
 * asked for one ({@link SecondFactors#stepOf}). A session short of it is sent to the step it misses: the app's code
 * ({@code /login/code}) or adding an app ({@code /account/two-factor}); the page it asked for is remembered and opened
 * after the code. Checked in the security filters, so it covers every handler, the actuator's too, and not only MVC.
 */
@Component
class SecondFactorGate implements AccessDeniedHandler {

    static final String CODE_PAGE = "/login/code";
    static final String ADD_APP_PAGE = "/account/two-factor";

    private final SecondFactors factors;
    private final RequestCache requests = new HttpSessionRequestCache();
    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    SecondFactorGate(SecondFactors factors) {
        this.factors = factors;
    }

    /** The second factor passed, or not asked of this officer. */
    AuthorizationManager<RequestAuthorizationContext> passed() {
        return allowing(EnumSet.of(Step.DONE));
    }

    /** As {@link #passed()}, or on the way to adding an app: the page that adds one. */
    AuthorizationManager<RequestAuthorizationContext> passedOrAddingApp() {
        return allowing(EnumSet.of(Step.DONE, Step.ADD_APP));
    }

    private AuthorizationManager<RequestAuthorizationContext> allowing(Set<Step> steps) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
                return new AuthorizationDecision(steps.contains(factors.stepOf(authentication.get())));
            }
        };
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        String page = switch (factors.stepOf(SecurityContextHolder.getContext().getAuthentication())) {
            case CODE -> CODE_PAGE;
            case ADD_APP -> ADD_APP_PAGE;
            case DONE -> null;
        };
        if (page == null) {
            forbidden.handle(request, response, denied);
        } else if (SignInAgain.HTMX.matches(request)) {
            // The badge the layout polls, from the page that adds an app: nothing, and no redirect, which would
            // reload the page the officer is typing a code into.
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            if ("GET".equals(request.getMethod())) {
                requests.saveRequest(request, response);
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + page);
        }
    }
}
