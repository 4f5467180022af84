package vn.binhyen.shared.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where BinhYen's PostgreSQL lives.
 *
 * @param embedded start a real PostgreSQL 17 in-process (demo and tests); false means an external server given by
 *     {@code spring.datasource.*} ({@code BINHYEN_DB_URL} and friends)
 * @param dataDirectory where the embedded server keeps its files; empty means a fresh temporary directory
 * @param port the embedded server's port; 0 picks a free one
 * @param freshDatabase create a new, empty database on every start (tests: each Spring context gets its own)
 */
@ConfigurationProperties("binhyen.db")
public record DatabaseProperties(
        boolean embedded, @Nullable Path dataDirectory, int port, boolean freshDatabase) {}
