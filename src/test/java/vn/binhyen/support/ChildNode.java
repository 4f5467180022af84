package vn.binhyen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * BinhYen started as a separate JVM on its own embedded PostgreSQL (data under {@code target/<name>/pg}), for tests
 * that kill it with SIGKILL and start it again on the same data. Ports and master key are chosen once per node and
 * kept across restarts; free ports, so worktrees running the suite side by side do not collide.
 */
public final class ChildNode {

    private final Path work;
    private final Path data;
    private final int httpPort = freePort();
    private final int dbPort = freePort();
    private final String masterKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private @Nullable Process process;

    public ChildNode(String name) {
        this.work = Path.of("target", name);
        this.data = work.resolve("pg");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.masterKey = Base64.getEncoder().encodeToString(key);
    }

    public int httpPort() {
        return httpPort;
    }

    public String masterKey() {
        return masterKey;
    }

    public HttpClient http() {
        return http;
    }

    /** The PostgreSQL data directory, which outlives a killed node. */
    public Path data() {
        return data;
    }

    /** What run {@code run} of the node wrote to its console. */
    public String log(int run) throws IOException {
        return Files.readString(logFile(run));
    }

    /**
     * Starts run {@code run} (without demo data or simulator; {@code arguments} add to or override that) and waits
     * until it is ready.
     */
    public Process start(int run, Duration readyWithin, String... arguments) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.binhyen.BinhYenApplication",
                "--server.port=" + httpPort,
                "--binhyen.db.port=" + dbPort,
                "--binhyen.db.data-directory=" + data.toAbsolutePath(),
                "--binhyen.db.fresh-database=false",
                "--binhyen.demo.enabled=false",
                "--binhyen.zalo.simulator.enabled=false",
                "--binhyen.crypto.master-key=" + masterKey,
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(arguments));
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile(run).toFile())
                .start();
        process = started;
        long deadline = System.nanoTime() + readyWithin.toNanos();
        while (true) {
            assertThat(started.isAlive())
                    .as("app run %d alive (see %s)", run, logFile(run))
                    .isTrue();
            assertThat(System.nanoTime()).as("app run %d ready in time", run).isLessThan(deadline);
            try {
                var ready = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + httpPort + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
    }

    /** Stops the node gracefully if it still runs, and whatever happened, its PostgreSQL. */
    public void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        stopPostgres();
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/binhyen", "postgres", "");
    }

    public static void execute(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    public static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Starts from nothing: no PostgreSQL left running, no data or logs of an earlier run. */
    public void cleanUp() throws Exception {
        stopPostgres();
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }

    private Path logFile(int run) {
        return work.resolve("app-" + run + ".log");
    }

    /** Leaves no PostgreSQL running on the node's data directory (a killed node leaves its own behind). */
    private void stopPostgres() throws Exception {
        Path pid = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            return;
        }
        var line = Files.readAllLines(pid).stream().findFirst().orElse("").strip();
        if (line.matches("[0-9]+")) {
            var handle = ProcessHandle.of(Long.parseLong(line));
            if (handle.isPresent()
                    && handle.get()
                            .info()
                            .command()
                            .map(c -> c.contains("postgres"))
                            .orElse(false)) {
                handle.get().destroy();
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
