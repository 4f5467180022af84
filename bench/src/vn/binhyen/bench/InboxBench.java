package vn.binhyen.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The officer-inbox benchmark: fills the database with generated tips, then times the inbox page through HTTP, as a
 * signed-in officer's browser would ask for it, beside the same SQL run bare through pgbench (the psql way: simple
 * protocol, literal parameters, one client) in the same run, interleaved in blocks so both see the same machine noise.
 *
 * <p>Run it with {@code bench/run.sh inbox}; this class expects a running app and its database.
 */
public final class InboxBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern TIP_CODE = Pattern.compile("data-tip-code=\"(TB-[^\"]+)\"");
    private static final Pattern BADGE = Pattern.compile("class=\"badge\"[^>]*>(\\d+)<");

    /** One thing measured: a page as one officer asks for it, and the SQL behind it. */
    record Case(String name, String user, String path, boolean htmx, String sql, boolean badge) {}

    record Stats(int n, double p50, double p95, double p99, double max) {

        static Stats of(List<Double> millis) {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted[sorted.length - 1]);
        }

        /** Nearest rank: the smallest value with at least p of the values at or below it. */
        private static double rank(double[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    record Result(Case c, Stats app, Stats psql) {

        double ratio50() {
            return app.p50() / psql.p50();
        }

        double ratio95() {
            return app.p95() / psql.p95();
        }

        boolean under50() {
            return app.p95() < 50.0;
        }

        boolean within2x() {
            return ratio50() <= 2.0 && ratio95() <= 2.0;
        }
    }

    private final Map<String, String> options;
    private final String baseUrl;
    private final String dbHost;
    private final int dbPort;
    private final String dbName;
    private final int runs;
    private final int blocks;
    private final Path work;
    private final Map<String, CloseableHttpClient> sessions = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();

    private InboxBench(Map<String, String> options) {
        this.options = options;
        this.baseUrl = options.getOrDefault("base-url", "http://localhost:8083");
        this.dbHost = options.getOrDefault("db-host", "localhost");
        this.dbPort = Integer.parseInt(options.getOrDefault("db-port", "15435"));
        this.dbName = options.getOrDefault("db-name", "binhyen");
        this.runs = Integer.parseInt(options.getOrDefault("runs", "200"));
        this.blocks = Integer.parseInt(options.getOrDefault("blocks", "4"));
        this.work = Path.of(options.getOrDefault("work", "target/bench/work"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        System.exit(new InboxBench(options).run());
    }

    private int run() throws Exception {
        Files.createDirectories(work);
        int tips = Integer.parseInt(options.getOrDefault("tips", "200000"));
        String chief = options.getOrDefault("chief", "truong.buonmathuot");
        String area = options.getOrDefault("area-officer", "ksv1.buonmathuot");
        String password = options.getOrDefault("password", "BinhYen@2026");
        String q = options.getOrDefault("q", "dua xe");

        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://%s:%d/%s".formatted(dbHost, dbPort, dbName), "postgres", "")) {
            line("BinhYen officer-inbox benchmark, " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + ", commit " + options.getOrDefault("commit", "?"));
            line("machine: %d cores, load average at start %s", Runtime.getRuntime().availableProcessors(), loadAverage());

            TipGenerator generator = new TipGenerator(db);
            long started = System.nanoTime();
            int added = generator.fillTo(tips, TipGenerator.nowToTheSecond());
            line("data: generated %d tips in %.1f s (COPY + VACUUM ANALYZE)", added, (System.nanoTime() - started) / 1e9);
            generator.summary().forEach((k, v) -> line("  %-16s %s", k, v));
            if (options.getOrDefault("measure", "true").equals("false")) {
                return 0;
            }

            InboxSql.Scope chiefScope = scopeOf(db, chief);
            InboxSql.Scope areaScope = scopeOf(db, area);
            String search = "/console?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&status=ALL";
            // A rare search too: one tip's code, as an officer pastes it (a tip some months old in both scopes).
            String code = single(db, "SELECT t.code FROM reports.tips t WHERE " + areaScope.predicate()
                    + " ORDER BY t.received_at DESC OFFSET 300 LIMIT 1");
            String byCode = "/console?q=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&status=ALL";
            List<Case> cases = List.of(
                    new Case("first page, chief", chief, "/console", false, InboxSql.inbox(chiefScope, "OPEN", null), false),
                    new Case("first page, area officer", area, "/console", false, InboxSql.inbox(areaScope, "OPEN", null), false),
                    new Case("search '" + q + "', chief", chief, search, true, InboxSql.inbox(chiefScope, "ALL", q), false),
                    new Case("search '" + q + "', area officer", area, search, true, InboxSql.inbox(areaScope, "ALL", q), false),
                    new Case("search a code, chief", chief, byCode, true, InboxSql.inbox(chiefScope, "ALL", code), false),
                    new Case("search a code, area officer", area, byCode, true, InboxSql.inbox(areaScope, "ALL", code), false),
                    new Case("badge, chief", chief, "/console/badge", true, InboxSql.badge(chiefScope), true),
                    new Case("badge, area officer", area, "/console/badge", true, InboxSql.badge(areaScope), true));
            line("officers: %s = %s %s; %s = %s %s villages %s", chief, chiefScope.role(), chiefScope.unitCode(), area,
                    areaScope.role(), areaScope.unitCode(), areaScope.villageIds());

            sessions.put(chief, signIn(chief, password));
            sessions.put(area, signIn(area, password));
            for (Case c : cases) {
                check(db, c);
            }
            line("check: for every case the bare SQL returns exactly what the page shows");

            // JIT and caches: every case a while before anything is counted.
            for (int i = 0; i < 60; i++) {
                for (Case c : cases) {
                    get(c);
                }
            }
            List<Result> results = new ArrayList<>();
            for (Case c : cases) {
                results.add(measure(c));
            }
            Stats floor = floor(chief);
            line("");
            line("load average at end %s", loadAverage());
            line("");
            table(results);
            line("floor: GET /css/binhyen.css (a static file, no SQL) as %s through the same client, server and security",
                    chief);
            line("filters, %d runs after warm-up: p50 %.2f ms, p95 %.2f ms. No page answers faster than this.", floor.n(),
                    floor.p50(), floor.p95());
            line("");
            line("Plans (EXPLAIN ANALYZE, BUFFERS) of the bare SQL, once each after measuring:");
            for (Case c : cases) {
                line("");
                line("-- %s: %s", c.name(), c.path());
                line(c.sql().strip());
                line(explain(db, c.sql()));
            }
            countryBacklog(db, generator, chiefScope, cases.getFirst(), results.getFirst());
            auditChain(db);
            String out = options.get("out");
            if (out != null) {
                Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
                Files.writeString(Path.of(out), report.toString());
                System.out.println();
                System.out.println("written to " + out);
            }
            return results.stream().allMatch(r -> r.under50() && r.within2x()) ? 0 : 3;
        }
    }

    /**
     * The audit chain that every page writes to (item 12 of the README): entries a second through the app's append and
     * through the one of before session 12, then the whole chain verified as the administrator's page does.
     */
    private void auditChain(Connection db) throws Exception {
        double seconds = Double.parseDouble(options.getOrDefault("audit-seconds", "5"));
        line("");
        line("The audit chain: writers appending inbox views as fast as they can, %.0f s per form and number of writers,", seconds);
        line("twice each, interleaved; each writer with its own connection (load average %s):", loadAverage());
        new AuditChainBench("jdbc:postgresql://%s:%d/%s".formatted(dbHost, dbPort, dbName), seconds).run(this::line);
        long started = System.nanoTime();
        var verification = new vn.binhyen.audit.internal.AuditStore(JdbcClient.create(
                        new org.springframework.jdbc.datasource.SingleConnectionDataSource(db, true)))
                .verify();
        line("the whole chain verified afterwards (AuditStore.verify): %d entries, %s, in %.1f s", verification.entriesChecked(),
                verification.intact() ? "intact" : "BROKEN at " + verification.firstBrokenId() + " " + verification.problem(),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * The overdue count that every inbox page shows, for the chief's commune and for the province, as the app sends it
     * and as it sent it before V8, on the province alone and then with the rest of the country's backlog added; and the
     * chief's first page again with the backlog.
     */
    private void countryBacklog(
            Connection db, TipGenerator generator, InboxSql.Scope chief, Case firstPage, Result before) throws Exception {
        int backlog = Integer.parseInt(options.getOrDefault("country-backlog", "60000"));
        if (backlog <= 0) {
            return;
        }
        Map<String, String> units = new LinkedHashMap<>();
        units.put("commune_code", chief.unitCode());
        units.put("province_code", chief.provinceCode());
        Map<String, Stats> alone = overdueCounts(db, units, "alone");
        long started = System.nanoTime();
        generator.addCountryBacklog(backlog);
        line("");
        line("A country's backlog beside the province: %d overdue reports in 33 other provinces, with %d past notice",
                backlog, backlog);
        line("deadlines (4 in 5 notified), added in %.1f s. The overdue count on every inbox page (RegisterQuery.overdueCount),",
                (System.nanoTime() - started) / 1e9);
        line("through pgbench, %d runs each, as the app sends it and as it sent it before V8 (the country's overdue", runs);
        line("dockets from V5's national indexes, created again for it, then the unit's tips):");
        Map<String, Stats> country = overdueCounts(db, units, "country");
        line("%-34s %-21s | %-21s", "", "province alone (ms)", "with the backlog (ms)");
        line("%-34s %10s %10s | %10s %10s", "count", "p50", "p95", "p50", "p95");
        for (String key : alone.keySet()) {
            line("%-34s %10.2f %10.2f | %10.2f %10.2f", key, alone.get(key).p50(), alone.get(key).p95(),
                    country.get(key).p50(), country.get(key).p95());
        }
        for (int i = 0; i < 30; i++) {
            get(firstPage);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(get(firstPage));
        }
        Stats page = Stats.of(millis);
        line("%s (HTTP): p50 %.2f ms, p95 %.2f ms with the backlog; %.2f / %.2f ms in the table above.", firstPage.name(),
                page.p50(), page.p95(), before.app().p50(), before.app().p95());
        clockWatch(db);
    }

    /**
     * The legal clock watch with the country's backlog: each sweep the app makes (its own timer
     * {@code binhyen.clocks.sweep}, read from {@code /actuator/metrics} as the administrator between two sweeps) and the
     * alerts it raised, beside its selection through pgbench and the statements the sweep sent before session 11,
     * replayed over JDBC on the same data.
     */
    private void clockWatch(Connection db) throws Exception {
        CloseableHttpClient admin = signIn(options.getOrDefault("admin", "admin"),
                options.getOrDefault("password", "BinhYen@2026"));
        line("");
        line("The legal clock watch (ClockWatch.sweep, once a minute on one node) over the whole country with the backlog:");
        double[] last = sweepTimer(admin);
        long alerts = Long.parseLong(single(db, "SELECT count(*) FROM reports.clock_alerts"));
        List<Double> steady = new ArrayList<>();
        for (int sweep = 1; sweep <= 3; sweep++) {
            long deadline = System.nanoTime() + 150_000_000_000L;
            double[] now = sweepTimer(admin);
            while (now[0] == last[0] && System.nanoTime() < deadline) {
                Thread.sleep(500);
                now = sweepTimer(admin);
            }
            if (now[0] == last[0]) {
                line("  no sweep in 150 s: the watch is not running");
                return;
            }
            double millis = (now[1] - last[1]) * 1000 / (now[0] - last[0]);
            long alertsNow = Long.parseLong(single(db, "SELECT count(*) FROM reports.clock_alerts"));
            line("  sweep %d: %.1f ms, %d alerts raised", sweep, millis, alertsNow - alerts);
            if (alertsNow - alerts < 100) {
                steady.add(millis);
            }
            last = now;
            alerts = alertsNow;
        }
        Instant at = Instant.now();
        // Half a second each with the backlog: 20 runs, not 200.
        Stats bare = timed("clock watch selection", InboxSql.clockWatch(at), "clock-watch", Math.min(20, runs));
        long waiting = Long.parseLong(single(db, "SELECT count(*) FROM (" + InboxSql.clockWatch(at) + ") c"));
        line("  its selection (ClockWatch.AWAITING_ALERT) through pgbench, %d runs: p50 %.2f ms, p95 %.2f ms, %d clocks with",
                bare.n(), bare.p50(), bare.p95(), waiting);
        line("  an alert to raise; sweeps that raised under 100 alerts: %s ms",
                steady.stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).toList());
        long running = Long.parseLong(single(db, """
                SELECT count(*) FROM reports.dockets WHERE state IN ('AWAITING_TRANSFER', 'UNDER_RESOLUTION')
                    OR procuracy_due_at IS NOT NULL OR (urgent AND immediately_reported_at IS NULL)"""));
        var replay = SweepBeforeSession11.replay(db, at);
        line("  the sweep of before session 11, replayed (JDBC, rolled back): %.1f ms for %d clocks due within 3 days,",
                replay.millis(), replay.clocks());
        line("  %d statements: every alert already raised asked for again each minute (%d dockets with a clock running).",
                replay.statements(), running);
    }

    /** The app's sweep timer: how many sweeps so far and their total time in seconds. */
    private double[] sweepTimer(CloseableHttpClient admin) throws IOException {
        String json = admin.execute(new HttpGet(baseUrl + "/actuator/metrics/binhyen.clocks.sweep"),
                response -> EntityUtils.toString(response.getEntity()));
        Matcher count = Pattern.compile("\"COUNT\",\"value\":([0-9.E+-]+)").matcher(json);
        Matcher total = Pattern.compile("\"TOTAL_TIME\",\"value\":([0-9.E+-]+)").matcher(json);
        if (!count.find() || !total.find()) {
            throw new IllegalStateException("No sweep timer in " + json);
        }
        return new double[] {Double.parseDouble(count.group(1)), Double.parseDouble(total.group(1))};
    }

    /**
     * Each unit's count in both forms; they must agree before they are timed. The form of before V8 is timed with the
     * national indexes it had (V5's, which V8 drops), created for it and dropped again: the form of now is timed
     * without them, as the app runs.
     */
    private Map<String, Stats> overdueCounts(Connection db, Map<String, String> units, String tag) throws Exception {
        Map<String, Stats> out = new LinkedHashMap<>();
        for (var unit : units.entrySet()) {
            String name = unit.getKey().replace("_code", "") + " " + unit.getValue();
            String now = InboxSql.overdueCount(unit.getKey(), unit.getValue());
            String before = InboxSql.overdueCountBeforeV8(unit.getKey(), unit.getValue());
            out.put(name + ", now", timed(name + ", now", now, tag));
            try (Statement s = db.createStatement()) {
                s.execute(InboxSql.NATIONAL_CLOCK_INDEXES);
            }
            try {
                if (!single(db, now).equals(single(db, before))) {
                    throw new IllegalStateException("The overdue count of " + name + " differs between the forms");
                }
                out.put(name + ", before V8", timed(name + ", before V8", before, tag));
            } finally {
                try (Statement s = db.createStatement()) {
                    s.execute(InboxSql.DROP_NATIONAL_CLOCK_INDEXES);
                }
            }
        }
        return out;
    }

    private Stats timed(String name, String sql, String tag) throws Exception {
        return timed(name, sql, tag, runs);
    }

    private Stats timed(String name, String sql, String tag, int transactions) throws Exception {
        Path script = work.resolve("overdue-" + slug(name) + ".sql");
        Files.writeString(script, sql.strip() + ";\n");
        pgbench(script, Math.min(10, transactions), tag + "-warm");
        return Stats.of(pgbench(script, transactions, tag));
    }

    /** What HTTP, the session and the filters cost on their own: the smallest answer the server gives a signed-in officer. */
    private Stats floor(String user) throws IOException {
        Case file = new Case("static file", user, "/css/binhyen.css", false, "", false);
        for (int i = 0; i < 60; i++) {
            get(file);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(get(file));
        }
        return Stats.of(millis);
    }

    private Result measure(Case c) throws Exception {
        Path script = work.resolve(slug(c.name()) + ".sql");
        Files.writeString(script, c.sql().strip() + ";\n");
        for (int i = 0; i < 30; i++) {
            get(c);
        }
        pgbench(script, 20, "warm");
        List<Double> app = new ArrayList<>();
        List<Double> psql = new ArrayList<>();
        int perBlock = (runs + blocks - 1) / blocks;
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < perBlock; i++) {
                app.add(get(c));
            }
            psql.addAll(pgbench(script, perBlock, "b" + b));
        }
        Result r = new Result(c, Stats.of(app), Stats.of(psql));
        System.out.printf(Locale.ROOT, "  measured %-34s app p50 %6.2f ms, psql p50 %6.2f ms%n", c.name(), r.app().p50(),
                r.psql().p50());
        return r;
    }

    private void table(List<Result> results) {
        line("%-34s %-32s | %-22s | %-20s | %s", "", "app (HTTP, ms)", "psql (pgbench, ms)", "app/psql", "target");
        line("%-34s %7s %7s %7s %7s | %7s %7s %6s | %9s %9s | %s", "case", "p50", "p95", "p99", "n", "p50", "p95", "n",
                "p50", "p95", "p95<50ms  <=2x  met");
        for (Result r : results) {
            line("%-34s %7.2f %7.2f %7.2f %7d | %7.2f %7.2f %6d | %8.1fx %8.1fx | %-9s %-5s %s", r.c().name(),
                    r.app().p50(), r.app().p95(), r.app().p99(), r.app().n(), r.psql().p50(), r.psql().p95(),
                    r.psql().n(), r.ratio50(), r.ratio95(), yes(r.under50()), yes(r.within2x()),
                    yes(r.under50() && r.within2x()));
        }
        line("app: GET %s%s through Apache HttpClient 5 (classic, blocking), one client, keep-alive, full body read;",
                baseUrl, "<path>");
        line("search and badge sent as htmx (HX-Request: true).");
        line("psql: the same SQL (InboxQuery's, parameters as literals) through pgbench -M simple -c 1, per-statement");
        line("latency from pgbench --log. Both after warm-up, %d runs each, in %d interleaved blocks.", runs, blocks);
        line("target: app p95 < 50 ms, and app within 2x of psql at p50 and at p95.");
    }

    private double get(Case c) throws IOException {
        HttpGet request = request(c);
        long start = System.nanoTime();
        int status = sessions.get(c.user()).execute(request, response -> {
            EntityUtils.consume(response.getEntity()); // the whole body, as a browser reads it
            return response.getCode();
        });
        double millis = (System.nanoTime() - start) / 1e6;
        if (status != 200) {
            throw new IllegalStateException(c.path() + " answered " + status + " for " + c.user());
        }
        return millis;
    }

    private HttpGet request(Case c) {
        HttpGet request = new HttpGet(baseUrl + c.path());
        if (c.htmx()) {
            request.addHeader("HX-Request", "true");
        }
        return request;
    }

    /**
     * An officer's browser session. A blocking client: the JDK's {@code java.net.http.HttpClient} hands every request
     * to a selector thread and back, which on two cores added 1-1.5 ms to each request, more than a badge costs the app.
     */
    private CloseableHttpClient signIn(String user, String password) throws IOException {
        CloseableHttpClient client = HttpClients.custom()
                .setDefaultCookieStore(new BasicCookieStore())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build();
        String form = client.execute(new HttpGet(baseUrl + "/login"), response -> EntityUtils.toString(response.getEntity()));
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token in the login form");
        }
        HttpPost post = new HttpPost(baseUrl + "/login");
        post.setEntity(new StringEntity(
                "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1)),
                ContentType.APPLICATION_FORM_URLENCODED));
        String answer = client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            var location = response.getFirstHeader("Location");
            return response.getCode() + " " + (location == null ? "" : location.getValue());
        });
        if (!answer.startsWith("302 ") || answer.contains("error")) {
            throw new IllegalStateException("Sign-in failed for " + user + ": " + answer);
        }
        return client;
    }

    /** The bare SQL must return what the page shows, or the baseline measures something else. */
    private void check(Connection db, Case c) throws Exception {
        String page = sessions.get(c.user()).execute(request(c), response -> EntityUtils.toString(response.getEntity()));
        List<String> shown = new ArrayList<>();
        List<String> bare = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(c.sql())) {
            while (rs.next()) {
                bare.add(c.badge() ? rs.getString(1) : rs.getString("code"));
            }
        }
        Matcher m = (c.badge() ? BADGE : TIP_CODE).matcher(page);
        while (m.find()) {
            shown.add(m.group(1));
        }
        if (!c.badge() && bare.size() > 25) {
            bare = bare.subList(0, 25); // the 26th row only tells the page there is a next page
        }
        if (c.badge() && shown.isEmpty()) {
            shown.add("0");
        }
        if (bare.isEmpty() || !bare.equals(shown)) {
            throw new IllegalStateException("Case '%s': the bare SQL returns %s but the page shows %s"
                    .formatted(c.name(), bare, shown));
        }
    }

    private List<Double> pgbench(Path script, int transactions, String tag) throws Exception {
        Path logs = work.resolve("pgbench-" + script.getFileName().toString().replace(".sql", "") + "-" + tag);
        try (var old = Files.list(work)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(logs.getFileName() + "."))
                    .toList()) {
                Files.delete(p);
            }
        }
        List<String> command = List.of(
                options.getOrDefault("pgbench", "pgbench"), "-n", "-h", dbHost, "-p", String.valueOf(dbPort), "-U",
                "postgres", "-M", "simple", "-c", "1", "-t", String.valueOf(transactions), "-f", script.toString(),
                "--log", "--log-prefix=" + logs, dbName);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("pgbench.out").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(
                    "pgbench failed: " + String.join(" ", command) + "\n" + Files.readString(work.resolve("pgbench.out")));
        }
        List<Double> millis = new ArrayList<>();
        try (var files = Files.list(work)) {
            for (Path log : files.filter(p -> p.getFileName().toString().startsWith(logs.getFileName() + "."))
                    .toList()) {
                for (String row : Files.readAllLines(log)) {
                    // client_id transaction_no time(us) script_no time_epoch time_us
                    millis.add(Long.parseLong(row.split(" ")[2]) / 1000.0);
                }
            }
        }
        if (millis.size() != transactions) {
            throw new IllegalStateException("pgbench logged " + millis.size() + " of " + transactions);
        }
        return millis;
    }

    private static InboxSql.Scope scopeOf(Connection db, String username) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                """
                SELECT o.id, o.role, u.unit_code, a.province_code
                  FROM accounts.officer_logins l
                  JOIN directory.officers o ON o.id = l.officer_id
                  JOIN directory.police_units u ON u.id = o.police_unit_id
                  JOIN directory.administrative_units a ON a.code = u.unit_code
                 WHERE l.username = ?
                """)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No demo sign-in " + username);
                }
                long id = rs.getLong(1);
                List<Long> villages = new ArrayList<>();
                try (PreparedStatement v = db.prepareStatement(
                        "SELECT village_id FROM directory.jurisdictions WHERE officer_id = ? ORDER BY village_id")) {
                    v.setLong(1, id);
                    try (ResultSet vr = v.executeQuery()) {
                        while (vr.next()) {
                            villages.add(vr.getLong(1));
                        }
                    }
                }
                return new InboxSql.Scope(id, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(2).equals("AREA_OFFICER") ? villages : List.of());
            }
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("No row for " + sql);
            }
            return rs.getString(1);
        }
    }

    private static String explain(Connection db, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString().stripTrailing();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    private static String yes(boolean b) {
        return b ? "yes" : "NO";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
