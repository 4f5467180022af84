package vn.binhyen.bench.zalo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries at a fixed rate over a fixed set of keep-alive connections, as wrk2 does: request {@code i} is
 * due at {@code start + i / rate}; a connection takes the next due request, waits for its time (or sends at once when
 * behind), and its latency counts from the time it was due, so a slow answer delays the requests queued behind it and
 * they count that too (no coordinated omission). Requests are signed ahead and written as raw bytes, so the tool's own
 * cost per request stays small beside the app's on the shared cores.
 */
final class OpenLoop {

    /**
     * Latencies in ms, sorted; failures; and the requests slower than {@code slowMillis} as [due time in epoch ms,
     * latency in ms] in the order they were due, to tell a pause (a burst of them) from contention (spread out).
     */
    record Result(List<Double> millis, long failures, List<double[]> slow) {

        /** The slow requests grouped into bursts (due within 250 ms of the previous slow one): "hh:mm:ss.SSS n max". */
        List<String> bursts() {
            List<String> bursts = new ArrayList<>();
            double burstStart = -1;
            double last = -1;
            int count = 0;
            double max = 0;
            for (double[] s : slow) {
                if (count > 0 && s[0] - last > 250) {
                    bursts.add(burst(burstStart, count, max));
                    count = 0;
                    max = 0;
                }
                if (count == 0) {
                    burstStart = s[0];
                }
                count++;
                max = Math.max(max, s[1]);
                last = s[0];
            }
            if (count > 0) {
                bursts.add(burst(burstStart, count, max));
            }
            return bursts;
        }

        private static String burst(double start, int count, double max) {
            return String.format(
                    "%s UTC %d over %.0f ms, worst %.0f ms",
                    java.time.LocalTime.ofInstant(
                            java.time.Instant.ofEpochMilli((long) start), java.time.ZoneOffset.UTC),
                    count,
                    SLOW_MILLIS,
                    max);
        }
    }

    static final double SLOW_MILLIS = 50;

    private OpenLoop() {}

    /**
     * Sends every request at its due time; the first {@code warmUp} are not measured. Warm-up and measurement are one
     * run on the same connections with no gap between them: two runs (as before) opened 64 new connections at once
     * and the first ~300 ms of the measured run were slow in every run, an artefact of the tool's start, not of a
     * steady 1,000 events/s.
     */
    static Result run(String url, List<byte[]> requests, int warmUp, int rate, int connections) throws Exception {
        URI uri = URI.create(url);
        // Each request's latency goes into its own slot of an array made beforehand: the tool allocates next to
        // nothing while it measures, so its own garbage collector does not pause it (a pause here would be counted
        // against the app: in one run two pauses of the tool's young generation, 288 and 214 ms on the busy cores,
        // made 583 of 20,000 acknowledgements late, the whole p99).
        double[] latencies = new double[requests.size()];
        AtomicLong failures = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        System.gc();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long startEpochMillis = System.currentTimeMillis() + 100;
        long interval = 1_000_000_000L / rate;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    Socket socket = null;
                    InputStream in = null;
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        long due = start + i * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        try {
                            if (socket == null) {
                                socket = new Socket(uri.getHost(), uri.getPort());
                                socket.setTcpNoDelay(true);
                                socket.setSoTimeout(10_000);
                                in = new BufferedInputStream(socket.getInputStream());
                            }
                            OutputStream out = socket.getOutputStream();
                            out.write(requests.get(i));
                            out.flush();
                            Response response = read(in);
                            if (response.status() != 200) {
                                failures.incrementAndGet();
                            }
                            if (response.close()) {
                                // Tomcat ends a keep-alive connection after 100 requests by default: open another.
                                closeQuietly(socket);
                                socket = null;
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            closeQuietly(socket);
                            socket = null;
                        }
                        latencies[i] = (System.nanoTime() - due) / 1e6;
                    }
                    closeQuietly(socket);
                    return null;
                });
            }
        }
        List<Double> sorted = new ArrayList<>(latencies.length - warmUp);
        List<double[]> slowInOrder = new ArrayList<>();
        for (int i = warmUp; i < latencies.length; i++) {
            sorted.add(latencies[i]);
            if (latencies[i] > SLOW_MILLIS) {
                slowInOrder.add(new double[] {startEpochMillis + i * (interval / 1e6), latencies[i]});
            }
        }
        Collections.sort(sorted);
        return new Result(sorted, failures.get(), slowInOrder);
    }

    /** One HTTP/1.1 request as bytes: the connection stays open for the next. */
    static byte[] request(URI uri, String signature, byte[] body) {
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nX-ZEvent-Signature: " + signature + "\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private record Response(int status, boolean close) {}

    /** Reads one response (status line, headers, a body of Content-Length bytes). */
    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            } else if (header.regionMatches(true, 0, "Connection:", 0, 11)) {
                close = header.substring(11).strip().equalsIgnoreCase("close");
            }
        }
        if (in.readNBytes(length).length < length) {
            throw new IOException("connection closed in a response");
        }
        return new Response(status, close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
