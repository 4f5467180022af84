package vn.binhyen.zalo.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.binhyen.zalo.internal.WebhookIntake;
import vn.binhyen.zalo.internal.ZaloProperties;

/** Puts {@link WebhookFilter} in front of every other filter, for Zalo's paths only. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    FilterRegistrationBean<WebhookFilter> zaloWebhookFilter(
            WebhookIntake intake, ZaloProperties properties, MessageSource messages) {
        var registration =
                new FilterRegistrationBean<>(new WebhookFilter(intake, properties.maxWebhookBytes(), messages));
        registration.addUrlPatterns(WebhookFilter.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("zaloWebhookFilter");
        return registration;
    }
}
