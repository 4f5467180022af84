package vn.binhyen.zalosim.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/** The simulated Zalo servers are called server-to-server (and by the consent page), without CSRF tokens. */
@Configuration(proxyBeanMethods = false)
@SimulatorOnly
class SimSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain simulatedZaloFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sim/zalo/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
