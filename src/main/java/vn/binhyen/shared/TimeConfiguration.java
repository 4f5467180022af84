package vn.binhyen.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole product, so tests can move time and every module agrees on "now". */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
