package vn.binhyen.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.UnitImporter;

/**
 * {@code --binhyen.directory.import-file=path/to/vn-units.json} imports the national unit list at start, before the
 * demo seeds its villages. Safe to leave on: the import is idempotent.
 */
@Component
@Order(5)
@ConditionalOnProperty("binhyen.directory.import-file")
class UnitImportOnStart implements ApplicationRunner {

    private final UnitImporter importer;
    private final Path file;

    UnitImportOnStart(UnitImporter importer, org.springframework.core.env.Environment environment) {
        this.importer = importer;
        this.file = Path.of(environment.getRequiredProperty("binhyen.directory.import-file"));
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            importer.importUnits(in, file.getFileName().toString());
        }
    }
}
