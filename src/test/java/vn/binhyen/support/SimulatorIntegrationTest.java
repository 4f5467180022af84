package vn.binhyen.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real port with the Zalo simulator on, and short retry ladders, poll intervals and
 * listener retries so that asynchronous work finishes within a test. Every test class that uses this annotation (the
 * Zalo, bulletin, early-warning and Zalo browser tests) shares one Spring context and one database: each test makes its
 * own commune, so its page, residents and threads are its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "binhyen.zalo.simulator.enabled=true",
            "binhyen.zalo.max-event-age=P3650D",
            "binhyen.zalo.event-poll-interval=PT0.1S",
            "binhyen.zalo.delivery-poll-interval=PT0.1S",
            "binhyen.zalo.refresh-check-initial-delay=PT1H",
            "binhyen.zalosim.webhook-retry-delays=PT0.2S,PT0.4S,PT0.8S",
            "binhyen.zalosim.receipt-delay=PT0.1S",
            "binhyen.scheduler.polling-interval=PT0.5S",
            "binhyen.events.retry-every=PT0.5S",
            "binhyen.events.retry-backoff=PT0.5S",
            "binhyen.events.retry-backoff-max=PT2S"
        })
public @interface SimulatorIntegrationTest {}
