package vn.binhyen.shared.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Without the embedded server, BinhYen needs an external PostgreSQL. Say so plainly, before any bean tries to connect,
 * instead of a page of wiring errors about an unresolved placeholder.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "binhyen.db.embedded", havingValue = false)
class ExternalDatabaseCheck {

    @Bean
    static BeanFactoryPostProcessor externalDatabaseRequired(Environment environment) {
        return beanFactory -> {
            String url;
            try {
                url = environment.getProperty("spring.datasource.url");
            } catch (IllegalArgumentException unresolved) {
                url = null;
            }
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("No external database: set BINHYEN_DB_URL (jdbc:postgresql://…),"
                        + " BINHYEN_DB_USER and BINHYEN_DB_PASSWORD; the prod profile never starts an embedded one");
            }
        };
    }
}
