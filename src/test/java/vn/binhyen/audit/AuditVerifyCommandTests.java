package vn.binhyen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command as an operator runs it: the packaged application started with {@code --binhyen.audit.verify-and-exit=true}
 * on a database of its own, as a separate process. It exits 0 on an intact chain; after a row is edited directly in
 * PostgreSQL (trigger switched off, as a superuser could) it exits 3 and names the first broken entry.
 */
class AuditVerifyCommandTests {

    final Path work = Path.of("target", "verify-command-test");
    final Path data = work.resolve("pg");
    final int dbPort = freePort();
    final String masterKey;

    AuditVerifyCommandTests() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Run(int exitCode, String output) {}

    Run verify(int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = work.resolve("verify-" + run + ".log");
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "vn.binhyen.BinhYenApplication",
                        "--binhyen.audit.verify-and-exit=true",
                        "--server.port=0",
                        "--binhyen.db.port=" + dbPort,
                        "--binhyen.db.data-directory=" + data.toAbsolutePath(),
                        "--binhyen.db.fresh-database=false",
                        "--binhyen.demo.enabled=false",
                        "--binhyen.scheduler.enabled=false",
                        "--binhyen.zalo.simulator.enabled=false",
                        "--binhyen.crypto.master-key=" + masterKey,
                        "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = process.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the command ends by itself (see %s)", log).isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }

    @Test
    void exitsZeroOnAnIntactChainAndThreeWithTheFirstBrokenEntryAfterTampering() throws Exception {
        clean();
        Run intact = verify(1);
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("AUDIT CHAIN INTACT");

        // The first run recorded its own VERIFY entry (id 1); edit it the way a superuser could.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data.toAbsolutePath())
                        .setCleanDataDirectory(false)
                        .setPort(dbPort)
                        .start();
                Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "binhyen"));
                var statement = db.createStatement()) {
            statement.execute("ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only");
            assertThat(statement.executeUpdate("UPDATE audit.entries SET detail = 'forged' WHERE id = 1"))
                    .isEqualTo(1);
            statement.execute("ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only");
        }

        Run broken = verify(2);
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(3);
        assertThat(broken.output()).contains("AUDIT CHAIN BROKEN at entry 1");
    }

    void clean() throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }
}
