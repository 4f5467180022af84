package vn.binhyen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.BinhYenApplication;
import vn.binhyen.bulletins.Audience;
import vn.binhyen.bulletins.BulletinDraft;
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.bulletins.Bulletins;
import vn.binhyen.zalosim.internal.SimRateLimiter;
import vn.binhyen.zalosim.internal.SimZalo;

/**
 * Two application nodes on one PostgreSQL against Zalo's per-app limit. Node A runs in this JVM with the embedded
 * PostgreSQL and the Zalo simulator (its limit set to the budget, {@code -32} over it); node B is a second JVM
 * started from the same classpath, on node A's database (not embedded), sending to node A's simulator over HTTP.
 * Both share the per-app budget row in {@code zalo.api_budget}. One bulletin goes to enough followers to last several
 * minutes; the report gives the messages Zalo accepted per full minute as a share of the budget, the simulator's count
 * of {@code -32} answers (across both nodes, it is the one server both call), and duplicates (accepted consultation
 * messages beyond one per follower).
 */
public final class TwoNodeBench {

    public static void main(String[] args) throws Exception {
        int followers = Integer.parseInt(System.getProperty("bench.followers", "22000"));
        int budget = Integer.parseInt(System.getProperty("bench.budget", "4000"));
        int workers = Integer.parseInt(System.getProperty("bench.workers", "2"));
        int batch = Integer.parseInt(System.getProperty("bench.batch", "32"));
        int dbPort = Integer.getInteger("binhyen.db.port", 15442);
        int portA = Integer.getInteger("server.port", 8091);
        int portB = Integer.parseInt(System.getProperty("bench.node-b-port", "8092"));
        Path report = Path.of(System.getProperty("bench.report", "target/bench/two-nodes-report.txt"));
        Path logB = Path.of(System.getProperty("bench.node-b-log", "target/bench/two-nodes-node-b.log"));
        List<String> common = List.of(
                "--binhyen.demo.enabled=false",
                "--binhyen.zalo.requests-per-minute=" + budget,
                "--binhyen.zalo.delivery-workers=" + workers,
                "--binhyen.zalo.delivery-batch=" + batch,
                "--binhyen.zalo.delivery-poll-interval=PT0.05S",
                // The simulator does not know the seeded followers: a follower sync would unfollow them mid-run.
                "--binhyen.zalo.follower-sync-initial-delay=P1D",
                "--binhyen.zalo.promotional-quiet-hours=",
                "--binhyen.bulletins.quiet-hours=",
                "--binhyen.bulletins.daily-cap=0",
                "--binhyen.bulletins.poll-interval=PT0.1S",
                "--binhyen.bulletins.page-size=2000",
                "--logging.level.root=WARN");
        List<String> argsA = new ArrayList<>(common);
        argsA.addAll(List.of(
                "--binhyen.db.fresh-database=false",
                "--binhyen.zalosim.requests-per-minute=" + budget,
                "--binhyen.zalosim.receipts=false",
                "--binhyen.zalosim.enforce-window=false",
                "--binhyen.zalosim.keep-phone-messages=false"));
        ConfigurableApplicationContext app = SpringApplication.run(BinhYenApplication.class, argsA.toArray(String[]::new));
        Process nodeB = null;
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            SimRateLimiter limiter = app.getBean(SimRateLimiter.class);
            SimZalo sim = app.getBean(SimZalo.class);
            var commune = BenchCommune.open(app, followers);

            nodeB = startNodeB(common, dbPort, portA, portB, logB);
            System.out.println("node B ready on port " + portB);

            long refusedBefore = limiter.refusedCount();
            long consultationsBefore = sim.consultationsDelivered();
            Instant start = Instant.now();
            var submitted = app.getBean(Bulletins.class)
                    .submit(
                            commune.chief(),
                            null,
                            new BulletinDraft(
                                    BulletinKind.CRIME_METHOD,
                                    "Cảnh báo lừa đảo giả danh công an",
                                    "Công an không bao giờ yêu cầu chuyển tiền qua điện thoại. **Gác máy** và báo công an.",
                                    new Audience(false, Set.of(BenchCommune.COMMUNE), Set.of(), true, false),
                                    null,
                                    null));
            List<String> samples = new ArrayList<>();
            Bulletins bulletins = app.getBean(Bulletins.class);
            while (true) {
                Thread.sleep(10_000);
                var progress = bulletins.progress(submitted.id());
                var f = progress.figures();
                String line = String.format(
                        "t=%4.0fs listed=%,d queued=%,d sent=%,d failed=%,d -32 so far=%d node B alive=%s",
                        seconds(start),
                        f.residents(),
                        f.queued(),
                        f.sent(),
                        f.failed(),
                        limiter.refusedCount() - refusedBefore,
                        nodeB.isAlive());
                System.out.println(line);
                samples.add(line);
                if (progress.finished() || !nodeB.isAlive()) {
                    break;
                }
            }
            double elapsed = seconds(start);
            var f = bulletins.progress(submitted.id()).figures();
            List<long[]> minutes = jdbc.sql("""
                            SELECT extract(epoch FROM date_trunc('minute', sent_at))::BIGINT, count(*)
                              FROM zalo.deliveries WHERE bulletin_ref = ? AND status = 'SENT'
                             GROUP BY 1 ORDER BY 1
                            """)
                    .param(submitted.id())
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            // The first and the last minute are partial (the run starts and ends inside them): only full ones count.
            List<long[]> full = minutes.size() > 2 ? minutes.subList(1, minutes.size() - 1) : List.of();
            double perFullMinute =
                    full.stream().mapToLong(m -> m[1]).average().orElse(0);
            long minFull = full.stream().mapToLong(m -> m[1]).min().orElse(0);
            long budgetUsedMax = jdbc.sql("SELECT coalesce(max(used), 0) FROM zalo.api_budget")
                    .query(Long.class)
                    .single();
            long refused = limiter.refusedCount() - refusedBefore;
            long rateLimitedRows = jdbc.sql("SELECT count(*) FROM zalo.deliveries WHERE bulletin_ref = ?"
                            + " AND last_error_code = -32")
                    .param(submitted.id())
                    .query(Long.class)
                    .single();
            long accepted = sim.consultationsDelivered() - consultationsBefore;
            long duplicateRows = jdbc.sql("""
                            SELECT count(*) FROM (SELECT recipient_id FROM zalo.deliveries WHERE bulletin_ref = ?
                                                  GROUP BY recipient_id HAVING count(*) > 1) d
                            """).param(submitted.id()).query(Long.class).single();
            StringBuilder perMinute = new StringBuilder();
            for (long[] m : minutes) {
                perMinute.append(String.format(
                        "  %s  %,6d  %5.1f%%%n", Instant.ofEpochSecond(m[0]), m[1], 100.0 * m[1] / budget));
            }
            double share = 100.0 * perFullMinute / budget;
            String text = String.format(
                    """
                    BinhYen two-node budget benchmark, %s
                    JVM: %s, %d processors; node A (this JVM: app + embedded PostgreSQL + simulator), node B (child JVM,
                    same database, sends to node A's simulator); each node %d delivery workers x batch %d
                    budget (BinhYen, shared row per app per minute) and simulator limit: %,d requests/minute
                    followers: %,d (seeded in %s); bulletin to the whole commune, consultation messages
                    sent: %,d of %,d in %.0f s; failed %,d
                    accepted per full minute: mean %,.0f = %.1f%% of the budget (lowest full minute %,d = %.1f%%) over %d full minutes
                    highest budget minute used (all calls, both nodes): %,d
                    rate-limit answers (-32) from the simulator: %d; delivery rows that met -32: %d
                    duplicates: %d (accepted consultation messages %,d for %,d followers; rows per recipient > 1: %d)
                    per minute (UTC, messages accepted, share of budget):
                    %s
                    samples:
                    %s
                    """,
                    Instant.now(),
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    workers,
                    batch,
                    budget,
                    followers,
                    commune.seeding(),
                    f.sent(),
                    followers,
                    elapsed,
                    f.failed(),
                    perFullMinute,
                    share,
                    minFull,
                    100.0 * minFull / budget,
                    full.size(),
                    budgetUsedMax,
                    refused,
                    rateLimitedRows,
                    accepted - f.sent(),
                    accepted,
                    followers,
                    duplicateRows,
                    perMinute,
                    String.join("\n", samples));
            System.out.println(text);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, text);
            boolean ok = share >= 95.0
                    && refused == 0
                    && accepted == f.sent()
                    && f.sent() == followers
                    && duplicateRows == 0;
            stop(nodeB);
            app.close();
            System.exit(ok ? 0 : 3);
        } catch (Exception e) {
            if (nodeB != null) {
                stop(nodeB);
            }
            app.close();
            throw e;
        }
    }

    /** Node B: the same classpath, node A's PostgreSQL as an external database, node A's simulator as Zalo. */
    private static Process startNodeB(List<String> common, int dbPort, int portA, int portB, Path log)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.binhyen.BinhYenApplication",
                "--server.port=" + portB,
                "--binhyen.db.embedded=false",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/binhyen",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--binhyen.crypto.master-key-file=" + System.getProperty("binhyen.crypto.master-key-file"),
                "--binhyen.zalo.simulator.enabled=false",
                "--binhyen.zalo.api-base-url=http://localhost:" + portA + "/sim/zalo/openapi",
                "--binhyen.zalo.oauth-base-url=http://localhost:" + portA + "/sim/zalo/oauth",
                "--spring.main.banner-mode=off"));
        command.addAll(common);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node B ended at start; see " + log);
            }
            try {
                var ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("node B not ready in 5 minutes; see " + log);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
