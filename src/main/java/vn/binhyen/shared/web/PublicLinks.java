package vn.binhyen.shared.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links to our public pages, for text that leaves the site (a Zalo message, a bulletin). A base of "/" means
 * this server itself, as in the demo and the tests, where the port is only known once the server has started.
 */
@Component
public class PublicLinks {

    private final Environment environment;

    PublicLinks(Environment environment) {
        this.environment = environment;
    }

    /** {@code path} (starting with "/") under {@code base}, a configured public address or "/". */
    public String url(String base, String path) {
        String root = base;
        if (root.startsWith("/")) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            root = "http://localhost:" + port + root;
        }
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }
}
