package vn.binhyen.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo province. Each module seeds its own part when enabled; the prod profile switches it off and the
 * application refuses to seed a demo there.
 *
 * @param password the password of every demo account (printed at start)
 */
@ConfigurationProperties("binhyen.demo")
public record DemoProperties(boolean enabled, @DefaultValue("BinhYen@2026") String password) {}
