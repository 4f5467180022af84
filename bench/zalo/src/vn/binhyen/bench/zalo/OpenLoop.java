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
import java.util.concurrent.ConcurrentLinkedQueue;
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

    record Result(List<Double> millis, long failures) {}

    private OpenLoop() {}

    static Result run(String url, List<byte[]> requests, int rate, int connections) throws Exception {
        URI uri = URI.create(url);
        var millis = new ConcurrentLinkedQueue<Double>();
        AtomicLong failures = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
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
                        millis.add((System.nanoTime() - due) / 1e6);
                    }
                    closeQuietly(socket);
                    return null;
                });
            }
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Result(sorted, failures.get());
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
