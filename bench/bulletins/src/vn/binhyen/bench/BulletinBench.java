package vn.binhyen.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.BinhYenApplication;
import vn.binhyen.bulletins.Audience;
import vn.binhyen.bulletins.BulletinDraft;
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.bulletins.Bulletins;
import vn.binhyen.zalo.internal.TokenKeeper;
import vn.binhyen.zalo.internal.ZaloApiClient;

/**
 * One bulletin to a million simulated followers, in one JVM with the application, its embedded PostgreSQL and the
 * Zalo simulator (limits off). Measures, in the same run:
 *
 * <ol>
 *   <li>the bare rate of consultation-message POSTs to the simulator from this JVM (the same HTTP client, the same
 *       number of requests in flight as the delivery workers use, no database);
 *   <li>the sustained delivery rate of the bulletin: fan-out from PostgreSQL, delivery rows, batch claims, the shared
 *       API budget, the HTTP call and the outcome written back;
 *   <li>the peak heap used over the whole run (the JVM runs with -Xmx256m: an overrun would end it).
 * </ol>
 *
 * Prints a report and exits 0 when every follower was sent the bulletin and the delivery rate is at least half the
 * bare rate, 3 otherwise.
 */
public final class BulletinBench {

    public static void main(String[] args) throws Exception {
        int followers = Integer.parseInt(System.getProperty("bench.followers", "1000000"));
        int workers = Integer.parseInt(System.getProperty("bench.workers", "4"));
        int batch = Integer.parseInt(System.getProperty("bench.batch", "64"));
        Path report = Path.of(System.getProperty("bench.report", "target/bench/bulletins-report.txt"));
        var heap = new HeapWatch();
        heap.start();

        ConfigurableApplicationContext app = SpringApplication.run(
                BinhYenApplication.class,
                "--binhyen.demo.enabled=false",
                "--binhyen.db.fresh-database=false", // a pool of 20 connections; the data directory is new each run
                "--binhyen.zalo.requests-per-minute=2000000000",
                "--binhyen.zalosim.requests-per-minute=2000000000",
                "--binhyen.zalosim.receipts=false",
                "--binhyen.zalosim.enforce-window=false",
                "--binhyen.zalosim.keep-phone-messages=false",
                "--binhyen.zalo.delivery-workers=" + workers,
                "--binhyen.zalo.delivery-batch=" + batch,
                "--binhyen.zalo.delivery-poll-interval=PT0.05S",
                // The simulator does not know the seeded followers: a follower sync (first run 2 minutes after start)
                // would mark them unfollowed mid-run and the fan-out would end early.
                "--binhyen.zalo.follower-sync-initial-delay=P1D",
                "--binhyen.zalo.promotional-quiet-hours=",
                "--binhyen.bulletins.quiet-hours=",
                "--binhyen.bulletins.poll-interval=PT0.1S",
                "--binhyen.bulletins.page-size=5000",
                "--logging.level.root=WARN");
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Bulletins bulletins = app.getBean(Bulletins.class);
            ZaloApiClient api = app.getBean(ZaloApiClient.class);
            TokenKeeper tokens = app.getBean(TokenKeeper.class);

            // A commune with a chief and a connected page, and its followers.
            var commune = BenchCommune.open(app, followers);
            Duration seeding = commune.seeding();

            // 1. The bare HTTP rate: the same client, the same requests in flight, no database.
            String token = tokens.accessToken(commune.oaId());
            int inFlight = workers * batch;
            Duration bareFor = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.bare-seconds", "30")));
            double bareBefore = bareRate(api, token, inFlight, bareFor);

            // 2. The bulletin.
            var officer = commune.chief();
            Instant start = Instant.now();
            var submitted = bulletins.submit(
                    officer,
                    null,
                    new BulletinDraft(
                            BulletinKind.CRIME_METHOD,
                            "Cảnh báo lừa đảo giả danh công an",
                            "Công an không bao giờ yêu cầu chuyển tiền qua điện thoại. **Gác máy** và báo công an.",
                            new Audience(false, Set.of("24133"), Set.of(), true, false),
                            null,
                            null));
            List<String> samples = new ArrayList<>();
            while (true) {
                Thread.sleep(5000);
                var progress = bulletins.progress(submitted.id());
                var f = progress.figures();
                String line = String.format(
                        "t=%4.0fs listed=%,d queued=%,d sent=%,d failed=%,d unreachable=%,d heap=%dMB peak=%dMB",
                        secondsSince(start),
                        f.residents(),
                        f.queued(),
                        f.sent(),
                        f.failed(),
                        f.unreachable(),
                        heap.usedMb(),
                        heap.peakMb());
                System.out.println(line);
                samples.add(line);
                if (progress.finished()) {
                    break;
                }
            }
            double elapsed = secondsSince(start);
            // The machine may be shared: measure the bare rate again after the bulletin and keep the higher one, so
            // the ratio is never flattered by a slow baseline.
            double bareAfter = bareRate(api, token, inFlight, bareFor);
            double bareRate = Math.max(bareBefore, bareAfter);
            var f = bulletins.progress(submitted.id()).figures();
            double rate = f.sent() / elapsed;
            double ratio = rate / bareRate;
            String text = String.format(
                    """
                    BinhYen bulletin benchmark, %s
                    JVM: %s, max heap %d MB, %d processors
                    followers: %,d (seeded in %s)
                    delivery workers: %d x batch %d (= %d requests in flight); bare baseline the same
                    bare POST rate to the simulator:   %,.0f/s over %s (before %,.0f/s, after %,.0f/s)
                    bulletin delivery rate (sustained): %,.0f/s  (%,d sent in %.0f s, from submit to the last send)
                    ratio: %.2f (target >= 0.50)
                    failed: %,d  unreachable: %,d  duplicates: %,d
                    heap: -Xmx%d MB, the run completed within it; peak used (incl. garbage) %d MB;
                          peak live after a collection %d MB
                    samples:
                    %s
                    """,
                    Instant.now(),
                    Runtime.version(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    Runtime.getRuntime().availableProcessors(),
                    followers,
                    seeding,
                    workers,
                    batch,
                    inFlight,
                    bareRate,
                    bareFor,
                    bareBefore,
                    bareAfter,
                    rate,
                    f.sent(),
                    elapsed,
                    ratio,
                    f.failed(),
                    f.unreachable(),
                    duplicates(jdbc, submitted.id()),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    heap.peakMb(),
                    heap.peakAfterGcMb(),
                    String.join("\n", samples));
            System.out.println(text);
            Files.createDirectories(report.getParent());
            Files.writeString(report, text);
            app.close();
            if (f.sent() != followers) {
                System.out.printf("NOT EVERY FOLLOWER REACHED: %,d sent of %,d%n", f.sent(), followers);
            }
            System.exit(ratio >= 0.5 && f.sent() == followers ? 0 : 3);
        } catch (Exception e) {
            app.close();
            throw e;
        }
    }

    /** POSTs consultation messages to the simulator from this JVM for {@code duration}; successes per second. */
    private static double bareRate(ZaloApiClient api, String token, int inFlight, Duration duration)
            throws InterruptedException {
        AtomicLong posted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Instant bareStart = Instant.now();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < inFlight; i++) {
                int lane = i;
                pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    try {
                        var result = api.sendText(token, "62" + lane + "0" + (n++), "Kiểm tra tốc độ gửi");
                        (result.ok() ? posted : refused).incrementAndGet();
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                    }
                }
                });
            }
            Thread.sleep(duration.toMillis());
            stop.set(true);
        }
        double rate = posted.get() / secondsSince(bareStart);
        System.out.printf("bare POST rate: %,.0f/s (%d in flight, %,d not accepted)%n", rate, inFlight, refused.get());
        return rate;
    }

    /** Recipients with more than one delivery row for the bulletin (the unique key makes this 0). */
    private static long duplicates(JdbcClient jdbc, long bulletin) {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT recipient_id FROM zalo.deliveries WHERE bulletin_ref = ?
                                              GROUP BY recipient_id HAVING count(*) > 1) d
                        """).param(bulletin).query(Long.class).single();
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    /** Samples heap use every 200 ms and keeps the highest (plus the pools' own peaks). */
    static final class HeapWatch extends Thread {
        private volatile long peak;
        private volatile long used;
        private volatile long peakAfterGc;

        HeapWatch() {
            setDaemon(true);
            setName("heap-watch");
        }

        @Override
        public void run() {
            while (true) {
                long now = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        now += pool.getUsage().getUsed();
                    }
                }
                used = now;
                peak = Math.max(peak, now);
                long afterGc = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
                peakAfterGc = Math.max(peakAfterGc, afterGc);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long usedMb() {
            return used / (1024 * 1024);
        }

        long peakMb() {
            return peak / (1024 * 1024);
        }

        long peakAfterGcMb() {
            return peakAfterGc / (1024 * 1024);
        }
    }
}
