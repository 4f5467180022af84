package vn.binhyen.accounts.internal;

import static org.springframework.security.authorization.AuthorizationManagers.allOf;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
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
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessions, SecondFactorGate secondFactor)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/**");
        var officer = AuthorityAuthorizationManager.<RequestAuthorizationContext>hasRole("OFFICER");
        var administrator = AuthorityAuthorizationManager.<RequestAuthorizationContext>hasRole("ADMINISTRATOR");
        // The password is the first factor; every page behind it also needs the second (SecondFactorGate), except the
        // page that asks for the code and the one that adds an app.
        http.authorizeHttpRequests(requests -> requests.requestMatchers(SecondFactorGate.CODE_PAGE)
                        .hasRole("OFFICER")
                        .requestMatchers(SecondFactorGate.ADD_APP_PAGE, SecondFactorGate.ADD_APP_PAGE + "/**")
                        .access(allOf(officer, secondFactor.passedOrAddingApp()))
                        .requestMatchers("/console/**", "/account/**")
                        .access(allOf(officer, secondFactor.passed()))
                        .requestMatchers("/admin/**")
                        .access(allOf(administrator, secondFactor.passed()))
                        .requestMatchers("/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .access(allOf(administrator, secondFactor.passed()))
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
                .exceptionHandling(errors -> errors.accessDeniedHandler(secondFactor)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
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
