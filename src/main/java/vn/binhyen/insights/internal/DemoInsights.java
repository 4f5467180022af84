package vn.binhyen.insights.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.shared.VietnamTime;

/**
 * The demo's figures: on the first start, after the other modules seeded their demo data, waits for their events to
 * reach the rollups, then rebuilds the rollups from the raw data (demo seeders write some rows directly, without events), publishes
 * Đắk Lắk's transparency page, keeps this month's and last month's reports for the leaders, and imports the
 * province's boundary from {@code ../shared/data/vn-units/} when that folder is there (the project ships no map data).
 */
@Component
@Order(100)
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoInsights implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInsights.class);
    static final Path DEMO_BOUNDARIES = Path.of("../shared/data/vn-units/66_dak_lak.geojson");

    private final JdbcClient jdbc;
    private final RollupStore rollups;
    private final Boundaries boundaries;
    private final PublicPages pages;
    private final ReportArchive archive;
    private final Units units;
    private final Clock clock;

    DemoInsights(
            JdbcClient jdbc,
            RollupStore rollups,
            Boundaries boundaries,
            PublicPages pages,
            ReportArchive archive,
            Units units,
            Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.boundaries = boundaries;
        this.pages = pages;
        this.archive = archive;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        boolean first = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM insights.public_pages)")
                .query(Boolean.class)
                .single();
        if (first) {
            pages.publish("66", true, null);
        }
        if (Files.isReadable(DEMO_BOUNDARIES)
                && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM insights.boundaries WHERE unit_code = '66')")
                        .query(Boolean.class)
                        .single()) {
            try (InputStream in = Files.newInputStream(DEMO_BOUNDARIES)) {
                boundaries.importFile(in, DEMO_BOUNDARIES.getFileName().toString());
            }
        }
        if (first) {
            // Only when the demo was just seeded (the seeders write some rows without events, and seed once): on
            // later starts the events have kept the rollups, and a rebuild over a large database (the benchmark's
            // 10 M tips, reused between runs) would hold the start for minutes.
            awaitListeners();
            rollups.rebuild();
            YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE));
            for (YearMonth m : new YearMonth[] {now.minusMonths(1), now}) {
                units.find(Unit.Level.PROVINCE, "66").ifPresent(u -> archive.store(u, m));
                units.find(Unit.Level.COMMUNE, "24133").ifPresent(u -> archive.store(u, m));
            }
        }
        log.info("Demo insights ready (rollups rebuilt: {}), transparency page /minh-bach/66", first);
    }

    /** Waits (up to 30 s) until the insights listeners have taken every event the seeders published. */
    private void awaitListeners() throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            long pending = jdbc.sql("""
                            SELECT count(*) FROM events.event_publication
                             WHERE completion_date IS NULL AND listener_id LIKE 'vn.binhyen.insights.%'
                            """).query(Long.class).single();
            if (pending == 0) {
                return;
            }
            Thread.sleep(500);
        }
        log.warn("Insights listeners still busy after 30 s; rebuilding anyway");
    }
}
