package vn.binhyen.zalo.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Zalo's servers call {@code /channels/**} without a session or CSRF token; the OAuth state is what authenticates the
 * callback, checked in its handler. The webhook never reaches this chain: {@link WebhookFilter} answers it first.
 */
@Configuration(proxyBeanMethods = false)
class ChannelSecurityConfiguration {

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
