package vn.binhyen.zalo.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/** One HTTP client for every call to Zalo, with the configured timeouts. Never logs headers (they carry tokens). */
@Component
public class ZaloHttp {

    private final HttpClient client;
    private final ZaloProperties properties;

    ZaloHttp(ZaloProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Response send(String method, String url, Map<String, String> headers, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.httpTimeout());
        headers.forEach(request::header);
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("X-RateLimit-Remain").orElse(null));
        } catch (IOException e) {
            throw new ZaloUnreachableException(
                    "Zalo did not answer: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZaloUnreachableException("Interrupted while calling Zalo", e);
        }
    }

    public record Response(
            int status,
            String body,
            @org.jspecify.annotations.Nullable String rateLimitRemain) {}
}
