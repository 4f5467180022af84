package vn.binhyen.zalo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.MediaFetcher;

/**
 * Fetches a photo a resident sent through Zalo. Only from Zalo's media hosts (configured), over HTTPS (plain HTTP
 * only for this machine, where the simulator lives), without following redirects and with a size cap: the link came
 * from outside, so it must not turn the server into a fetcher of arbitrary addresses.
 */
@Component
class ZaloMedia implements MediaFetcher {

    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final ZaloProperties properties;
    private final HttpClient http;

    ZaloMedia(ZaloProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public boolean handles(ConversationChannel channel) {
        return channel == ConversationChannel.ZALO;
    }

    @Override
    public byte[] fetch(String url) {
        URI uri = allowed(url);
        try {
            var response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(properties.httpTimeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UncheckedIOException(new IOException("HTTP " + response.statusCode()));
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new UncheckedIOException(new IOException("too large"));
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    URI allowed(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a link");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        boolean hostAllowed = properties.mediaHosts().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .anyMatch(h -> !h.isEmpty() && (host.equals(h) || host.endsWith("." + h)));
        boolean schemeAllowed = "https".equals(uri.getScheme()) || (local && "http".equals(uri.getScheme()));
        if (!hostAllowed || !schemeAllowed || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("Not a Zalo media link");
        }
        return uri;
    }
}
