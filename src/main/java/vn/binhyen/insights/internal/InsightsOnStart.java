package vn.binhyen.insights.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The commands given at start: {@code --binhyen.insights.boundaries-file=...} imports unit boundaries, and
 * {@code --binhyen.insights.rebuild=true} rebuilds every rollup from the raw data (after any demo data is seeded).
 */
@Component
@Order(90)
class InsightsOnStart implements ApplicationRunner {

    private final InsightsProperties properties;
    private final Boundaries boundaries;
    private final RollupStore rollups;

    InsightsOnStart(InsightsProperties properties, Boundaries boundaries, RollupStore rollups) {
        this.properties = properties;
        this.boundaries = boundaries;
        this.rollups = rollups;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.boundariesFile() != null) {
            try (InputStream in = Files.newInputStream(properties.boundariesFile())) {
                boundaries.importFile(
                        in, properties.boundariesFile().getFileName().toString());
            }
        }
        if (properties.rebuild()) {
            rollups.rebuild();
        }
    }
}
