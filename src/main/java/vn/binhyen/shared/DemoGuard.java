package vn.binhyen.shared;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the demo is switched on in production. Checked while the context starts, before any module's
 * demo seeding runs, so not one made-up row reaches a real database.
 */
@Component
class DemoGuard implements InitializingBean {

    private final Environment environment;
    private final DemoProperties demo;

    DemoGuard(Environment environment, DemoProperties demo) {
        this.environment = environment;
        this.demo = demo;
    }

    @Override
    public void afterPropertiesSet() {
        if (demo.enabled() && environment.matchesProfiles("prod")) {
            throw new IllegalStateException("binhyen.demo.enabled=true is not allowed with the prod profile");
        }
    }
}
