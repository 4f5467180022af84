package vn.binhyen.accounts.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Residents use the portal and the public API without signing in; officers sign in to the console. The API is
 * stateless (a tip's secret travels in a header), so it carries no CSRF token; every page form does.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts anywhere; map tiles are the only images from elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob: https://tile.openstreetmap.org; connect-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/**");
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/console/**", "/account/**")
                        .hasRole("OFFICER")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers("/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMINISTRATOR")
                        .anyRequest()
                        .permitAll())
                .formLogin(login -> login.loginPage("/login")
                        .defaultSuccessUrl("/console", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Sessions are registered so that deactivating an officer, a new password or a new role ends the
                // sessions they have open on every node (OfficerSessions, SessionEpochs), not only their next sign-in.
                .sessionManagement(session -> session.maximumSessions(-1)
                        .sessionRegistry(sessions)
                        .expiredSessionStrategy(SignInAgain.sessionEnded()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(SignInAgain.notSignedIn(), SignInAgain.HTMX)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    SessionRegistry sessionRegistry(SessionEpochs epochs) {
        return new EpochCheckedSessionRegistry(epochs);
    }

    /** Tells the registry when a session ends (sign-out, timeout), so it does not keep them for ever. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
