package vn.binhyen.bench.zalo;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.binhyen.zalo.internal.WebhookSignature;

/**
 * Writes signed webhook deliveries for {@code wrk} (bench/zalo/webhook.lua): one line each, signature and body separated
 * by a tab. Signing ahead keeps the load tool's own work per request to a table lookup, so the cores go to the app; each
 * event has its own message id, so none is answered as a cheap duplicate.
 */
final class SignedEvents {

    private SignedEvents() {}

    static void write(Path file, String appId, String oaId, String secret, long first, int count) throws Exception {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long n = first; n < first + count; n++) {
                long timestamp = System.currentTimeMillis();
                String body = ZaloBench.event(appId, oaId, n, timestamp);
                String signature = WebhookSignature.compute(
                        appId, body.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), secret);
                out.write("mac=" + signature + "\t" + body + "\n");
            }
        }
    }
}
