package vn.binhyen.bench.zalo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.zalo.internal.WebhookSignature;

/**
 * Zalo channel benchmark against a running BinhYen (demo data, simulator on, limits off):
 *
 * <ol>
 *   <li>webhook intake: sustained signed events/s (closed loop, 64 senders), then p50/p99 acknowledgement latency at a
 *       fixed 1,000 events/s (open loop, latency from the intended send time), beside pgbench's single-row insert
 *       rate into a table of the same shape at 8 clients;
 *   <li>reply delivery: sustained replies/s through the delivery queue to the simulator, beside bare HTTP posts to the
 *       simulator's send endpoint from this JVM with the delivery worker's concurrency (workers × batch).
 * </ol>
 */
public final class ZaloBench {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String base = a.get("base-url");
        int dbPort = Integer.parseInt(a.get("db-port"));
        SecretBox box = new SecretBox(Base64.getDecoder().decode(a.get("master-key")));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        List<String> report = new ArrayList<>();
        report.add("BinhYen Zalo benchmark — commit " + a.getOrDefault("commit", "?") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + java.time.Instant.now());

        String oaId;
        String appId;
        String secret;
        String token;
        try (Connection db = db(dbPort)) {
            try (var st = db.createStatement();
                    var rs = st.executeQuery("SELECT oa_id, app_id, oa_secret_key, access_token FROM zalo.official_accounts"
                            + " WHERE connection_status = 'CONNECTED' ORDER BY oa_id LIMIT 1")) {
                rs.next();
                oaId = rs.getString(1);
                appId = rs.getString(2);
                secret = box.open(rs.getBytes(3), "zalo-oa:" + oaId + ":oa_secret_key");
                token = box.open(rs.getBytes(4), "zalo-oa:" + oaId + ":access_token");
            }
        }
        String webhook = base + "/channels/zalo/" + oaId + "/webhook";
        AtomicLong seq = new AtomicLong();

        // The phases that need a quiet app come first, so that no webhook phase's stored events are being processed
        // under them: the pgbench baseline, then reply delivery beside bare posts. Reported in the usual order.
        // 1. pgbench baseline, same table shape, single-row inserts, 8 clients.
        double pgbenchTps = pgbench(dbPort, a.getOrDefault("pgbench", "pgbench"), a.get("work"), seconds);
        String pgbenchLine = String.format(
                "baseline: pgbench single-row INSERT into a copy of zalo.webhook_events, 8 clients, %d s: %.0f rows/s",
                seconds, pgbenchTps);

        // 2. Reply delivery.
        List<String> deliveryReport = new ArrayList<>();
        List<String> users = interactedUsers(base, oaId);
        int replies = Integer.parseInt(a.getOrDefault("replies", "3000"));
        int concurrency = Integer.parseInt(a.getOrDefault("delivery-concurrency", "64"));
        double rawSerial = bareSends(base, token, users, replies, 1);
        double raw = bareSends(base, token, users, replies, concurrency);
        double delivered = queuedReplies(dbPort, oaId, users, replies);
        deliveryReport.add(String.format(
                "reply delivery through the queue (%d replies, simulator limits off): %.0f replies/s", replies, delivered));
        deliveryReport.add(String.format(
                "baseline: bare HTTP posts to the simulator's /v3.0/oa/message/cs from this JVM, %d at a time"
                        + " (the worker's concurrency): %.0f/s (one at a time: %.0f/s)",
                concurrency, raw, rawSerial));
        deliveryReport.add(String.format("ratio delivery/bare: %.2f (target >= 0.5)", delivered / raw));

        // 3a. Latency at 1,000 events/s: a fixed rate over 64 keep-alive connections, signed ahead; first, so that it
        // is not measured behind the backlog the sustained run leaves to process. A cold warm-up of 5 s at the same rate
        // (the app has just started: it falls behind and catches up), then the measured run, whose first 3 s on the
        // same connections are not counted either, so the measurement starts in the steady state.
        report.add(drain(dbPort, "before the paced run (receipts of the replies)"));
        URI webhookUri = URI.create(webhook);
        List<byte[]> paced = new ArrayList<>();
        for (int i = 0; i < 1000 * (5 + 3 + seconds); i++) {
            long n = 20_000_000L + i;
            long timestamp = System.currentTimeMillis();
            byte[] bytes = event(appId, oaId, n, timestamp).getBytes(StandardCharsets.UTF_8);
            String signature = "mac=" + WebhookSignature.compute(appId, bytes, Long.toString(timestamp), secret);
            paced.add(OpenLoop.request(webhookUri, signature, bytes));
        }
        OpenLoop.run(webhook, paced.subList(0, 5000), 5000, 1000, 64);
        var latencies = OpenLoop.run(webhook, paced.subList(5000, paced.size()), 3000, 1000, 64);
        report.add(String.format(
                "webhook intake at 1,000 events/s (%d s, open loop, 64 keep-alive connections, latency from the due"
                        + " time): p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d non-200",
                seconds,
                pct(latencies.millis(), 50),
                pct(latencies.millis(), 99),
                pct(latencies.millis(), 100),
                latencies.failures()));
        for (String burst : latencies.bursts()) {
            report.add("  slow acknowledgements due from " + burst);
        }

        // Each phase starts from a quiet app: the events a phase stored are processed before the next one is measured,
        // so the next phase's figure (and pgbench's baseline) does not carry the previous phase's processing.
        report.add(drain(dbPort, "before the sustained run"));

        // 3b. Sustained intake: wrk replaying pre-signed events when it is installed (the load tool then costs the
        // shared cores little), otherwise 64 JDK-client senders signing as they go.
        double sustained;
        String wrk = a.getOrDefault("wrk", "wrk");
        if (onPath(wrk)) {
            Path events = Path.of(a.get("work"), "signed-events.txt");
            SignedEvents.write(events, appId, oaId, secret, 10_000_000L, Integer.parseInt(a.getOrDefault("signed", "400000")));
            wrkRun(wrk, webhook, events, a.get("lua"), 5);
            long[] counts = wrkRun(wrk, webhook, events, a.get("lua"), seconds);
            sustained = counts[0] / (double) seconds;
            report.add(String.format(
                    "webhook intake, sustained (wrk, 2 threads, 64 connections, pre-signed events, %d s): %.0f events/s"
                            + " acknowledged (%d non-200)",
                    seconds, sustained, counts[1]));
        } else {
            closedLoop(webhook, appId, secret, seq, 64, 5, null);
            long[] counts = closedLoop(webhook, appId, secret, seq, 64, seconds, null);
            sustained = counts[0] / (double) seconds;
            report.add(String.format(
                    "webhook intake, sustained (64 JDK-client senders, %d s; wrk not installed): %.0f events/s"
                            + " acknowledged (%d non-200)",
                    seconds, sustained, counts[1]));
        }

        report.add(pgbenchLine);
        double ratio = sustained / pgbenchTps;
        report.add(String.format("ratio app/pgbench: %.2f (target >= 0.5)", ratio));
        double p99 = pct(latencies.millis(), 99);
        report.add(String.format("p99 at 1,000 events/s: %.1f ms (target <= 50 ms)", p99));

        report.addAll(deliveryReport);

        boolean met = ratio >= 0.5 && p99 <= 50 && delivered / raw >= 0.5;
        report.add(met ? "all targets met" : "TARGET MISSED");
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Path out = Path.of(a.get("out"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.exit(met ? 0 : 3);
    }

    static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * One closed-loop wrk run over the pre-signed events; events sent once each (the file holds more than a run
     * sends at this machine's rates).
     *
     * @return {acknowledged with 200, other answers or socket errors}
     */
    static long[] wrkRun(String wrk, String url, Path events, String lua, int seconds) throws Exception {
        var process = new ProcessBuilder(
                        wrk, "-t", "2", "-c", "64", "-d", seconds + "s", "--timeout", "10s", "-s", lua, url, "--",
                        events.toString(), "2")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher total = Pattern.compile("([0-9]+) requests in").matcher(output);
        if (!total.find()) {
            throw new IllegalStateException("wrk output not understood:\n" + output);
        }
        long requests = Long.parseLong(total.group(1));
        long non200 = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)").matcher(output);
        if (non2xx.find()) {
            non200 = Long.parseLong(non2xx.group(1));
        }
        // Socket errors are requests that never got an answer; wrk does not count them among its requests.
        long failed = non200;
        Matcher errors = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")
                .matcher(output);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                failed += Long.parseLong(errors.group(g));
            }
        }
        return new long[] {requests - non200, failed};
    }

    /** Waits (up to 5 minutes) until every stored webhook event is processed; says how long that took. */
    static String drain(int dbPort, String when) throws Exception {
        long began = System.nanoTime();
        long left;
        try (Connection db = db(dbPort)) {
            long first = -1;
            while (true) {
                try (var st = db.createStatement();
                        var rs = st.executeQuery("SELECT count(*) FROM zalo.webhook_events WHERE processed_at IS NULL")) {
                    rs.next();
                    left = rs.getLong(1);
                }
                if (first < 0) {
                    first = left;
                }
                if (left == 0 || System.nanoTime() - began > TimeUnit.MINUTES.toNanos(5)) {
                    return String.format(
                            "  (%s: %d stored events waited to be processed; %s after %.0f s)",
                            when,
                            first,
                            left == 0 ? "all processed" : left + " still waiting",
                            (System.nanoTime() - began) / 1e9);
                }
                Thread.sleep(500);
            }
        }
    }

    static Connection db(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/binhyen", "postgres", "");
    }

    static String event(String appId, String oaId, long n, long timestamp) {
        return "{\"app_id\":\"" + appId + "\",\"sender\":{\"id\":\"61" + String.format("%017d", n % 500)
                + "\"},\"recipient\":{\"id\":\"" + oaId + "\"},\"event_name\":\"user_send_text\",\"message\":{\"text\":"
                + "\"Tin nhắn thử tải số " + n + " về an ninh trật tự trong thôn\",\"msg_id\":\"bench"
                + String.format("%015d", n) + System.nanoTime() % 100000 + "\"},\"timestamp\":\""
                + timestamp + "\"}";
    }

    /** Builds and signs one event; kept cheap (no regular expressions), as the load tool shares the app's cores. */
    static HttpRequest signed(String url, String appId, String secret, long n) {
        String oaId = url.substring(url.indexOf("/zalo/") + 6, url.lastIndexOf("/webhook"));
        long timestamp = System.currentTimeMillis();
        byte[] bytes = event(appId, oaId, n, timestamp).getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(
                        "X-ZEvent-Signature",
                        "mac=" + WebhookSignature.compute(appId, bytes, Long.toString(timestamp), secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    static long[] closedLoop(
            String url, String appId, String secret, AtomicLong seq, int senders, int seconds, List<Long> unused)
            throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < senders; s++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            int status = HTTP.send(signed(url, appId, secret, seq.incrementAndGet()),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            (status == 200 ? ok : bad).incrementAndGet();
                        } catch (IOException e) {
                            bad.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return new long[] {ok.get(), bad.get()};
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }

    static double pgbench(int port, String pgbench, String work, int seconds) throws Exception {
        try (Connection db = db(port);
                var st = db.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS bench_zalo CASCADE");
            st.execute("CREATE SCHEMA bench_zalo");
            st.execute("CREATE TABLE bench_zalo.webhook_events (LIKE zalo.webhook_events INCLUDING ALL)");
        }
        Path script = Path.of(work, "insert.sql");
        Files.createDirectories(script.getParent());
        String body = event("2553928453557884079", "3700000000000000000", 1, System.currentTimeMillis())
                .replace("'", "''");
        Files.writeString(script, """
                INSERT INTO bench_zalo.webhook_events (oa_id, event_key, event_name, raw_body, num_retry,
                                                       ordering_key)
                VALUES ('3700000000000000000', 'user_send_text:' || md5(random()::text || :client_id), 'user_send_text',
                        '%s', 0, '6100000000000000001')
                ON CONFLICT (oa_id, event_key) DO NOTHING;
                """.formatted(body));
        var process = new ProcessBuilder(
                        pgbench, "-n", "-c", "8", "-j", "8", "-T", String.valueOf(seconds), "-f", script.toString(),
                        "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "binhyen")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench output not understood:\n" + output);
        }
        try (Connection db = db(port);
                var st = db.createStatement()) {
            st.execute("DROP SCHEMA bench_zalo CASCADE");
        }
        return Double.parseDouble(m.group(1));
    }

    /** The simulator's demo residents write to the page from the phone, so the 7-day window is open for them. */
    static List<String> interactedUsers(String base, String oaId) throws Exception {
        var cookies = new java.net.CookieManager();
        var client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/sim/phone?oa=" + oaId)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the phone page");
        }
        Matcher options = Pattern.compile("<option value=\"(61[0-9]+)\"").matcher(page);
        List<String> users = new ArrayList<>();
        while (options.find()) {
            users.add(options.group(1));
        }
        for (String user : users) {
            String form = "user=" + user + "&oa=" + oaId + "&text=bench&_csrf=" + csrf.group(1);
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/sim/phone/text"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        return users;
    }

    /** Bare posts to the simulator, {@code concurrency} at a time (the delivery worker's own concurrency). */
    static double bareSends(String base, String token, List<String> users, int count, int concurrency)
            throws Exception {
        String url = base + "/sim/zalo/openapi/v3.0/oa/message/cs";
        for (int warm = 0; warm < 200; warm++) {
            post(url, token, users.get(warm % users.size()), "warm " + warm);
        }
        AtomicLong next = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String body = post(
                                url, token, users.get((int) (i % users.size())), "Công an xã trả lời số " + i);
                        if (!body.contains("\"error\":0")) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        if (refused.get() > 0) {
            throw new IllegalStateException("the simulator refused " + refused.get() + " bare posts");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static String post(String url, String token, String user, String text) throws Exception {
        String json = "{\"recipient\":{\"user_id\":\"" + user + "\"},\"message\":{\"text\":\"" + text + "\"}}";
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .header("access_token", token)
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static double queuedReplies(int port, String oaId, List<String> users, int count) throws Exception {
        try (Connection db = db(port)) {
            String run = Long.toString(System.nanoTime());
            long start = System.nanoTime();
            try (var insert = db.prepareStatement("""
                    INSERT INTO zalo.deliveries (idempotency_key, oa_id, target, recipient_id, text)
                    SELECT 'bench:' || ? || ':' || n, ?, 'USER', (?::text[])[1 + n % ?], 'Công an xã trả lời số ' || n
                      FROM generate_series(1, ?) AS n
                    """)) {
                insert.setString(1, run);
                insert.setString(2, oaId);
                insert.setArray(3, db.createArrayOf("text", users.toArray()));
                insert.setInt(4, users.size());
                insert.setInt(5, count);
                insert.executeUpdate();
            }
            AtomicBoolean done = new AtomicBoolean();
            while (!done.get()) {
                try (var st = db.prepareStatement(
                        "SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'FAILED')"
                                + " FROM zalo.deliveries WHERE idempotency_key LIKE ?")) {
                    st.setString(1, "bench:" + run + ":%");
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getLong(2) > 0) {
                            throw new IllegalStateException(rs.getLong(2) + " replies failed");
                        }
                        done.set(rs.getLong(1) == 0);
                    }
                }
                if (!done.get()) {
                    Thread.sleep(50);
                }
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
