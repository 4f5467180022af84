package vn.binhyen.shared.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Web requests run on Tomcat's own pool of platform threads ({@code server.tomcat.threads.*}), although the rest of
 * the application uses virtual threads ({@code spring.threads.virtual.enabled}).
 *
 * <p>Why: all virtual threads share as many carrier threads as there are cores (two here), and the operating system
 * shares the cores between those two carriers and every busy platform thread: the event lanes, the listeners, the
 * incident workers and PostgreSQL's backends. During a burst of Zalo messages, the whole web tier then got two
 * threads' share of the CPU, and a thread dump showed every request runnable but waiting for a carrier; the webhook
 * answered 91 events/s. With a thread per request, requests get their fair share beside the background work: 272
 * events/s in the same benchmark (bench/zalo/README.md). The webhook's acknowledgement is what Zalo times, so it must
 * come first.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        // Undoes Boot's virtual-thread executor (added by a customizer of order 1): without an executor set, Tomcat
        // starts its own pool, sized by server.tomcat.threads.max and min-spare.
        factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(null));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
