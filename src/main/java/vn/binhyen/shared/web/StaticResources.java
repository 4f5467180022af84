package vn.binhyen.shared.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static files are served from three folders only, not from {@code /**} as Spring Boot does by default
 * ({@code spring.web.resources.add-mappings=false} switches that off).
 *
 * <p>Why: webjars-locator-lite turns on the resource chain, and with it {@code ResourceUrlEncodingFilter} passes every
 * {@code @{…}} link of every page through the resource handlers whose pattern matches it. Under {@code /**} every link
 * matches, and a link that is not a file (a tip's page, a filter) is looked up in four classpath folders, is not found,
 * and is not cached, so each inbox row cost several failed lookups: two thirds of the inbox's CPU in the benchmark
 * (bench/README.md). Under these three patterns a page link matches none and costs nothing.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** Our own stylesheets and scripts carry no version in their names, so browsers revalidate them after an hour. */
    private static final CacheControl OWN_FILES = CacheControl.maxAge(Duration.ofHours(1));

    /** Webjar links get the library's version put in them by the resource chain, so they never change. */
    private static final CacheControl VERSIONED =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(OWN_FILES)
                .resourceChain(true);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(OWN_FILES)
                .resourceChain(true);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(VERSIONED)
                .resourceChain(true);
    }
}
