package vn.binhyen.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 inside the JVM's process tree so that {@code ./mvnw spring-boot:run} and the tests
 * need nothing installed. One server per JVM: test contexts share it and each gets a fresh database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "binhyen.db.embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final AtomicInteger databaseCounter = new AtomicInteger();
    private static EmbeddedPostgres server;
    /** Open contexts using the server; the last one to close stops it (test contexts close at JVM exit). */
    private static int users;

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties) throws IOException, SQLException {
        EmbeddedPostgres postgres = acquire(properties);
        String database = "binhyen";
        if (properties.freshDatabase()) {
            database = "binhyen_" + ProcessHandle.current().pid() + "_" + databaseCounter.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } else {
            createIfMissing(postgres, database);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
        config.setUsername("postgres");
        config.setMaximumPoolSize(properties.freshDatabase() ? 5 : 20);
        config.setPoolName("binhyen-embedded");
        return new HikariDataSource(config) {
            private final java.util.concurrent.atomic.AtomicBoolean released =
                    new java.util.concurrent.atomic.AtomicBoolean();

            @Override
            public void close() {
                super.close();
                if (released.compareAndSet(false, true)) {
                    release();
                }
            }
        };
    }

    private static synchronized EmbeddedPostgres acquire(DatabaseProperties properties) throws IOException {
        users++;
        if (server == null) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // Spring closes the server through release(); a JVM hook of its own would race that.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            if (properties.dataDirectory() != null
                    && !properties.dataDirectory().toString().isBlank()) {
                Files.createDirectories(properties.dataDirectory());
                stopOrphan(properties.dataDirectory());
                builder.setDataDirectory(properties.dataDirectory().toAbsolutePath())
                        .setCleanDataDirectory(false);
            }
            EmbeddedPostgres started = builder.start();
            log.info("Embedded PostgreSQL listening on port {}", started.getPort());
            server = started;
        }
        return server;
    }

    private static void createIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    /**
     * A previous run killed with SIGKILL leaves its postmaster running on our data directory, and a new server cannot
     * start there. Stop it: the data directory is ours, and PostgreSQL recovers from its WAL on the next start.
     */
    private static void stopOrphan(java.nio.file.Path dataDirectory) throws IOException {
        java.nio.file.Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!firstLine.matches("[0-9]+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by a killed run", orphan.pid());
                    orphan.destroy();
                    orphan.onExit()
                            .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                            .join();
                });
    }

    private static synchronized void release() {
        if (--users > 0 || server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        server = null;
    }
}
