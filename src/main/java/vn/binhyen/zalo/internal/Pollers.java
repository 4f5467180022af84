package vn.binhyen.zalo.internal;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the Zalo pollers to stop starting work once the application is shutting down, so none of them sits waiting
 * for a database connection while the database (embedded in the demo and the tests) goes away.
 */
@Component
public class Pollers {

    private volatile boolean running = true;

    public boolean running() {
        return running;
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        running = false;
    }
}
