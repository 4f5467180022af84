package vn.binhyen.zalo.internal;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute URLs for Zalo's API, its OAuth server and BinhYen's own public address. */
@Component
public class ZaloEndpoints {

    private final ZaloProperties properties;
    private final Environment environment;

    ZaloEndpoints(ZaloProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public String api(String path) {
        return resolve(properties.apiBaseUrl(), path);
    }

    public String oauth(String path) {
        return resolve(properties.oauthBaseUrl(), path);
    }

    public String publicUrl(String path) {
        return resolve(properties.publicBaseUrl(), path);
    }

    /** "/x" means this server; its port is only known once it listens (tests use a random one). */
    private String resolve(String base, String path) {
        String absolute = base;
        if (base.startsWith("/")) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            absolute = "http://localhost:" + port + base;
        }
        return stripSlash(absolute) + path;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
