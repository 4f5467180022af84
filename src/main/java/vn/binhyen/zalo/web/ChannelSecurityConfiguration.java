package vn.binhyen.zalo.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Zalo's servers call {@code /channels/**} without a session or CSRF token; the webhook signature and the OAuth state
 * are what authenticate those requests, checked in the handlers.
 */
@Configuration(proxyBeanMethods = false)
class ChannelSecurityConfiguration {

    /**
     * The webhook takes hundreds of requests a second from Zalo's servers: they get only the filters they need (no
     * session, security context, anonymous user, logout or saved request), each of which costs on every request.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 9)
    SecurityFilterChain webhookSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/channels/zalo/*/webhook")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain channelSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/channels/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
