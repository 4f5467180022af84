package vn.binhyen.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.binhyen.accounts.SignedInOfficer;

/**
 * An officer signed in with a password an administrator made (new, or reset) sets their own before any console or
 * admin page: such a password has passed through other hands.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeFirst implements WebMvcConfigurer, HandlerInterceptor {

    static final String PAGE = "/account/password";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console/**", "/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof SignedInOfficer officer)
                || !officer.mustChangePassword()) {
            return true;
        }
        if (request.getHeader("HX-Request") != null) {
            // A fragment the layout polls (the badge) from the password page itself: nothing, and no redirect, which
            // would reload the page the officer is typing in.
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + PAGE);
        }
        return false;
    }
}
