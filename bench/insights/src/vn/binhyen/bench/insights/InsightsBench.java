package vn.binhyen.bench.insights;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The insights benchmark (bench/insights/README.md): generates tips and messages over every commune of the national
 * list with generate_series, rebuilds the rollups through the admin page, then measures the province dashboard page
 * beside the same figures computed with GROUP BY over the raw tables, in the same run.
 */
public final class InsightsBench {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String PROVINCE = "66";

    private final Map<String, String> options;
    private final String baseUrl;
    private final Connection db;
    private final StringBuilder report = new StringBuilder();

    private InsightsBench(Map<String, String> options) throws SQLException {
        this.options = options;
        this.baseUrl = options.get("base-url");
        this.db = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + options.getOrDefault("db-port", "15441") + "/binhyen", "postgres", "");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            options.put(a.substring(2, eq), a.substring(eq + 1));
        }
        System.exit(new InsightsBench(options).run());
    }

    private int run() throws Exception {
        long tips = Long.parseLong(options.getOrDefault("tips", "10000000"));
        long messages = Long.parseLong(options.getOrDefault("messages", "50000000"));
        double budgetMinutes = Double.parseDouble(options.getOrDefault("generate-minutes", "45"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "100"));
        int rawRuns = Integer.parseInt(options.getOrDefault("raw-runs", "10"));
        line("Insights benchmark, commit " + options.getOrDefault("commit", "?") + ", " + java.time.Instant.now());
        line("load average at start: " + loadAverage());

        if (flag("generate-only")) {
            // The first half of a run split in two (README): data generated and kept, rollups rebuilt by the next run.
            generate(tips, messages, budgetMinutes);
            line("load average at end: " + loadAverage());
            write();
            return 0;
        } else if (!flag("measure-only")) {
            generate(tips, messages, budgetMinutes);
            rebuild();
        } else {
            // A run whose data and rollups are already in place (see README: what was run).
            line(String.format("measure only: %,d tips, %,d messages, %,d rollup rows",
                    count("SELECT count(*) FROM reports.tips"), count("SELECT count(*) FROM conversations.messages"),
                    count("SELECT count(*) FROM insights.daily_figures")));
        }
        HttpClient command = signIn("tinh.daklak");
        LocalDate today = LocalDate.now(VN);
        boolean met = true;
        int[] periods = Arrays.stream(options.getOrDefault("days", "30,365").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        for (int days : periods) {
            LocalDate from = today.minusDays(days - 1);
            String url = "/console/insights/province/" + PROVINCE + "?from=" + from + "&to=" + today;
            String body = get(command, url);
            if (!body.contains("id=\"children\"")) {
                throw new IllegalStateException("the dashboard did not render: " + body.substring(0, 300));
            }
            check(from, today);
            line(String.format("%d days, load average before: %s", days, loadAverage()));
            for (int i = 0; i < 20; i++) {
                get(command, url);
            }
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                get(command, url);
                times[i] = millisSince(t);
            }
            double[] raw = new double[rawRuns];
            for (int i = 0; i < rawRuns; i++) {
                long t = System.nanoTime();
                rawDashboard(from, today);
                raw[i] = millisSince(t);
            }
            line(String.format("%d days, load average after: %s", days, loadAverage()));
            double p50 = pct(times, 50), p95 = pct(times, 95), r50 = pct(raw, 50), r95 = pct(raw, 95);
            boolean ok = p95 < 200 && r50 / p50 >= 50 && r95 / p95 >= 50;
            met &= ok;
            line(String.format(
                    "%3d days: page p50 %7.1f ms p95 %7.1f ms (n=%d) | raw GROUP BY p50 %9.1f ms p95 %9.1f ms (n=%d)"
                            + " | raw/page p50 %6.0fx p95 %6.0fx | target p95<200ms, >=50x: %s",
                    days, p50, p95, runs, r50, r95, rawRuns, r50 / p50, r95 / p95, ok ? "met" : "MISSED"));
        }
        line("load average at end: " + loadAverage());
        write();
        return met ? 0 : 3;
    }

    private void write() throws IOException {
        Path out = Path.of(options.getOrDefault("out", "bench/insights/results/latest.txt"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private boolean flag(String name) {
        String value = options.getOrDefault(name, "false");
        return value.equals("1") || Boolean.parseBoolean(value);
    }

    private void generate(long tips, long messages, double budgetMinutes) throws Exception {
        long start = System.nanoTime();
        exec("SET synchronous_commit = off");
        long communes = count("SELECT count(*) FROM directory.administrative_units WHERE level = 'COMMUNE'");
        line("communes in the directory: " + communes);
        seedVillages();
        long haveTips = count("SELECT count(*) FROM reports.tips WHERE code LIKE 'BN%'");
        long haveMessages = count("SELECT count(*) FROM conversations.messages WHERE body = 'bench'");
        line(String.format("already in the database: %,d bench tips, %,d bench messages", haveTips, haveMessages));
        // A bulk load as pg_restore does it: secondary indexes dropped, rows inserted, indexes built once at the end.
        // The definitions are kept in a table, so that a run stopped half-way and started again still restores them.
        // Nothing is dropped when the data of an earlier run is complete (BENCH_DATA_DIR).
        exec("CREATE TABLE IF NOT EXISTS bench_dropped_indexes (def text PRIMARY KEY)");
        if (haveTips < tips || haveMessages < messages) {
            dropIndexes("reports", "tips");
            dropIndexes("conversations", "messages");
        }
        long madeTips = generateTips(tips, start, budgetMinutes);
        long madeMessages = generateMessages(messages, start, budgetMinutes);
        long indexStart = System.nanoTime();
        exec("SET maintenance_work_mem = '512MB'");
        List<String> indexes = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT def FROM bench_dropped_indexes ORDER BY def")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        for (String index : indexes) {
            exec(index);
        }
        exec("DROP TABLE bench_dropped_indexes");
        line(String.format("indexes of tips and messages built after the load (%d): %.0f s",
                indexes.size(), secondsSince(indexStart)));
        double generateSeconds = secondsSince(start);
        line(String.format(
                "generated %,d tips and %,d messages in %.0f s (asked for %,d and %,d; budget %.0f min)",
                madeTips, madeMessages, generateSeconds, tips, messages, budgetMinutes));
        if (madeTips > haveTips || madeMessages > haveMessages || !indexes.isEmpty()) {
            long analyzeStart = System.nanoTime();
            exec("VACUUM (ANALYZE) reports.tips");
            exec("VACUUM (ANALYZE) conversations.messages");
            exec("VACUUM (ANALYZE) conversations.threads");
            line(String.format("VACUUM ANALYZE: %.0f s", secondsSince(analyzeStart)));
        } else {
            line("the data of an earlier run is complete: nothing generated, indexes and statistics as they were");
        }
        line("table sizes: tips " + size("reports.tips") + ", messages " + size("conversations.messages"));
        line(String.format("in the database: %,d tips, %,d messages, %,d threads, %,d villages, %,d communes",
                count("SELECT count(*) FROM reports.tips"), count("SELECT count(*) FROM conversations.messages"),
                count("SELECT count(*) FROM conversations.threads"), count("SELECT count(*) FROM directory.villages"),
                communes));
    }

    private void rebuild() throws Exception {
        line("load average before the rebuild: " + loadAverage());
        HttpClient admin = signIn("admin");
        String page = get(admin, "/admin/insights");
        long rebuildStart = System.nanoTime();
        int status = post(admin, "/admin/insights/rebuild", Map.of("_csrf", csrf(page)));
        double rebuildSeconds = secondsSince(rebuildStart);
        line("load average after the rebuild: " + loadAverage());
        // The rebuild vacuums its new tables after it commits, within the request: the time above includes it.
        StringBuilder levels = new StringBuilder();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT level, count(*) FROM insights.daily_figures GROUP BY level ORDER BY level")) {
            while (rs.next()) {
                levels.append(String.format(" %s %,d", rs.getString(1), rs.getLong(2)));
            }
        }
        line(String.format("rebuild through /admin/insights: HTTP %d in %.1f s; daily rows:%s (%s); monthly rows %,d (%s)",
                status, rebuildSeconds, levels, size("insights.daily_figures"),
                count("SELECT count(*) FROM insights.monthly_figures"), size("insights.monthly_figures")));
    }

    // ------------------------------------------------------------------------------------------------ data

    private void seedVillages() throws SQLException {
        // Five villages per commune with a population, so per-1,000 figures and village rows exist everywhere.
        exec("""
                INSERT INTO directory.villages (commune_code, name, kind, population)
                SELECT c.code, 'Thôn bench ' || k, 'VILLAGE', 800 + (hashtext(c.code || k) & 1023)
                  FROM directory.administrative_units c CROSS JOIN generate_series(1, 5) k
                 WHERE c.level = 'COMMUNE'
                ON CONFLICT (commune_code, name) DO NOTHING
                """);
        exec("DROP TABLE IF EXISTS bench_communes");
        exec("""
                CREATE UNLOGGED TABLE bench_communes AS
                SELECT row_number() OVER (ORDER BY c.code) - 1 AS n, c.code, c.province_code,
                       (SELECT array_agg(v.id ORDER BY v.id) FROM directory.villages v WHERE v.commune_code = c.code) AS villages
                  FROM directory.administrative_units c WHERE c.level = 'COMMUNE'
                """);
        exec("CREATE UNIQUE INDEX ON bench_communes (n)");
        line("villages: " + count("SELECT count(*) FROM directory.villages"));
    }

    /** Drops the indexes that back no constraint; returns their definitions to create them again. */
    private List<String> dropIndexes(String schema, String table) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                 WHERE i.schemaname = ? AND i.tablename = ?
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (i.schemaname || '.' || i.indexname)::regclass)
                """)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    definitions.add(rs.getString(2));
                    try (PreparedStatement keep =
                            db.prepareStatement("INSERT INTO bench_dropped_indexes VALUES (?) ON CONFLICT DO NOTHING")) {
                        keep.setString(1, rs.getString(2));
                        keep.executeUpdate();
                    }
                    exec("DROP INDEX " + schema + "." + rs.getString(1));
                }
            }
        }
        return definitions;
    }

    private long generateTips(long wanted, long start, double budgetMinutes) throws SQLException {
        long have = count("SELECT count(*) FROM reports.tips WHERE code LIKE 'BN%'");
        long n = count("SELECT count(*) FROM bench_communes");
        long chunk = 500_000;
        while (have < wanted && secondsSince(start) < budgetMinutes * 60) {
            long to = Math.min(wanted, have + chunk);
            long t = System.nanoTime();
            // Two years of tips over every commune; 1 in 6 without a village; 90% answered, 70% decided.
            exec("""
                    INSERT INTO reports.tips (code, secret_hash, province_code, commune_code, village_id, category,
                        description, anonymous, channel, status, received_at, first_answered_at, closed_at, search_text)
                    SELECT 'BN' || lpad(g::text, 12, '0'), 'x', c.province_code, c.code,
                           CASE WHEN r % 6 = 0 THEN NULL ELSE c.villages[1 + (r / 7) % 5] END,
                           (ARRAY['FIGHT_OR_DISORDER','THEFT','DRUGS','GAMBLING','ILLEGAL_RACING','FRAUD','WEAPONS',
                                  'SUSPICIOUS_PERSON','TRAFFIC','OTHER'])[1 + (r / 11) % 10],
                           'Tin báo benchmark', TRUE,
                           (ARRAY['PORTAL','ZALO','ZALO_GROUP','PHONE','WALK_IN','API'])[1 + (r / 13) % 6],
                           CASE WHEN r % 10 < 7 THEN 'RESOLVED' ELSE 'IN_PROGRESS' END,
                           at,
                           CASE WHEN r % 10 < 9 THEN at + ((r / 17) % 2880) * interval '1 minute' END,
                           CASE WHEN r % 10 < 7 THEN at + ((r / 19) % 40) * interval '1 day'
                                                      + ((r / 23) % 1440) * interval '1 minute' END,
                           ''
                      FROM (SELECT g, abs(hashint8(g)) AS r,
                                   now() - (abs(hashint8(g * 7)) % (730 * 1440)) * interval '1 minute' AS at
                              FROM generate_series({from}, {to}) g) s
                      JOIN bench_communes c ON c.n = s.r % {n}
                    """.replace("{from}", Long.toString(have + 1)).replace("{to}", Long.toString(to))
                    .replace("{n}", Long.toString(n)));
            have = to;
            System.out.printf("tips: %,d (%.0f s for the last chunk)%n", have, secondsSince(t));
        }
        return have;
    }

    private long generateMessages(long wanted, long start, double budgetMinutes) throws SQLException {
        long threads = count("SELECT count(*) FROM conversations.threads WHERE account_ref LIKE 'bench%'");
        if (threads == 0) {
            // 60 threads per commune, one in six a village group.
            exec("""
                    INSERT INTO conversations.threads (channel, kind, account_ref, contact_ref, province_code, commune_code,
                        created_at, last_message_at)
                    SELECT 'ZALO', CASE WHEN k % 6 = 0 THEN 'GROUP' ELSE 'RESIDENT' END, 'bench' || c.code,
                           'u' || k, c.province_code, c.code, now() - interval '730 days', now()
                      FROM bench_communes c CROSS JOIN generate_series(1, 60) k
                    """);
            exec("DROP TABLE IF EXISTS bench_threads");
            exec("""
                    CREATE UNLOGGED TABLE bench_threads AS
                    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM conversations.threads
                     WHERE account_ref LIKE 'bench%'
                    """);
            exec("CREATE UNIQUE INDEX ON bench_threads (n)");
            threads = count("SELECT count(*) FROM bench_threads");
        }
        long have = count("SELECT coalesce(max(id), 0) FROM conversations.messages WHERE body = 'bench'") == 0
                ? 0
                : count("SELECT count(*) FROM conversations.messages WHERE body = 'bench'");
        long chunk = 1_000_000;
        while (have < wanted && secondsSince(start) < budgetMinutes * 60) {
            long to = Math.min(wanted, have + chunk);
            long t = System.nanoTime();
            // 80% from residents (inbound), 20% officers' replies.
            exec(("""
                    INSERT INTO conversations.messages (thread_id, direction, kind, body, sent_at, recorded_at)
                    SELECT th.id, CASE WHEN r % 10 < 8 THEN 'INBOUND' ELSE 'OUTBOUND' END, 'TEXT', 'bench', at, at
                      FROM (SELECT g, abs(hashint8(g + 99)) AS r,
                                   now() - (abs(hashint8(g * 3 + 1)) % (730 * 1440)) * interval '1 minute' AS at
                              FROM generate_series({from}, {to}) g) s
                      JOIN bench_threads th ON th.n = s.r % {n}
                    """).replace("{from}", Long.toString(have + 1)).replace("{to}", Long.toString(to))
                    .replace("{n}", Long.toString(threads)));
            have = to;
            System.out.printf("messages: %,d (%.0f s for the last chunk)%n", have, secondsSince(t));
        }
        return have;
    }

    // ------------------------------------------------------------------------------------------------ baseline

    /**
     * The dashboard's figures straight from the raw tables with GROUP BY, using their indexes: headline counts for the
     * period, the previous period and the same period last year; per commune; per day for the period and last year.
     */
    private void rawDashboard(LocalDate from, LocalDate to) throws SQLException {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        LocalDate[][] periods = {
            {from, to}, {from.minusDays(days), from.minusDays(1)}, {from.minusYears(1), to.minusYears(1)}
        };
        for (LocalDate[] p : periods) {
            query("""
                    SELECT channel, count(*) FROM reports.tips
                     WHERE province_code = ? AND received_at >= ? AND received_at < ? GROUP BY channel
                    """, p);
            query("""
                    SELECT width_bucket(extract(epoch FROM first_answered_at - received_at) / 60,
                                        ARRAY[5,15,30,60,120,240,480,1440,2880,4320,10080]::float8[]), count(*)
                      FROM reports.tips WHERE province_code = ? AND first_answered_at >= ? AND first_answered_at < ?
                     GROUP BY 1
                    """, p);
            query("""
                    SELECT closed_at - received_at <= interval '20 days', count(*) FROM reports.tips
                     WHERE province_code = ? AND closed_at >= ? AND closed_at < ?
                       AND status IN ('RESOLVED','TRANSFERRED','REJECTED') GROUP BY 1
                    """, p);
            query("""
                    SELECT th.kind, count(*) FROM conversations.messages m JOIN conversations.threads th ON th.id = m.thread_id
                     WHERE th.province_code = ? AND m.sent_at >= ? AND m.sent_at < ? AND m.direction = 'INBOUND'
                     GROUP BY th.kind
                    """, p);
        }
        LocalDate[] now = periods[0];
        Timestamp a = start(now[0]), b = start(now[1].plusDays(1));
        query("""
                SELECT commune_code, count(*) FILTER (WHERE received_at >= ? AND received_at < ?),
                       count(*) FILTER (WHERE closed_at >= ? AND closed_at < ? AND closed_at - received_at <= interval '20 days'),
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY first_answered_at - received_at)
                         FILTER (WHERE first_answered_at >= ? AND first_answered_at < ?)
                  FROM reports.tips WHERE province_code = ?
                   AND (received_at >= ? AND received_at < ? OR closed_at >= ? AND closed_at < ?
                        OR first_answered_at >= ? AND first_answered_at < ?)
                 GROUP BY commune_code
                """, a, b, a, b, a, b, PROVINCE, a, b, a, b, a, b);
        query("""
                SELECT th.commune_code, count(*) FROM conversations.messages m JOIN conversations.threads th ON th.id = m.thread_id
                 WHERE th.province_code = ? AND m.sent_at >= ? AND m.sent_at < ? AND m.direction = 'INBOUND' AND th.kind = 'RESIDENT'
                 GROUP BY 1
                """, now);
        for (LocalDate[] p : new LocalDate[][] {now, periods[2]}) {
            query("""
                    SELECT (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*) FROM reports.tips
                     WHERE province_code = ? AND received_at >= ? AND received_at < ? GROUP BY 1
                    """, p);
            query("""
                    SELECT (m.sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*) FROM conversations.messages m
                      JOIN conversations.threads th ON th.id = m.thread_id
                     WHERE th.province_code = ? AND m.sent_at >= ? AND m.sent_at < ? AND m.direction = 'INBOUND'
                       AND th.kind = 'RESIDENT' GROUP BY 1
                    """, p);
        }
    }

    /** The page and the raw SQL agree: tips and questions of the province in the period. */
    private void check(LocalDate from, LocalDate to) throws SQLException {
        long rollupTips = count("SELECT coalesce(sum(value), 0) FROM insights.daily_figures WHERE level = 'P' AND unit = '"
                + PROVINCE + "' AND measure = 'TIPS_RECEIVED' AND day BETWEEN '" + from + "' AND '" + to + "'");
        long rawTips;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT count(*) FROM reports.tips WHERE province_code = ? AND received_at >= ? AND received_at < ?")) {
            ps.setString(1, PROVINCE);
            ps.setTimestamp(2, start(from));
            ps.setTimestamp(3, start(to.plusDays(1)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rawTips = rs.getLong(1);
            }
        }
        line(String.format("check %s..%s: tips from rollups %,d, from raw rows %,d%s", from, to, rollupTips, rawTips,
                rollupTips == rawTips ? "" : "  MISMATCH"));
        if (rollupTips != rawTips) {
            throw new IllegalStateException("rollups and raw rows disagree");
        }
    }

    private void query(String sql, LocalDate[] period) throws SQLException {
        query(sql, PROVINCE, start(period[0]), start(period[1].plusDays(1)));
    }

    private void query(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(VN).toInstant());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private HttpClient signIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = get(client, "/login");
        int status = post(client, "/login", Map.of("username", username, "password", "BinhYen@2026", "_csrf", csrf(login)));
        if (status != 302) {
            throw new IllegalStateException("sign-in failed for " + username + ": HTTP " + status);
        }
        return client;
    }

    private String get(HttpClient client, String path) throws IOException, InterruptedException {
        var response = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private int post(HttpClient client, String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String size(String table) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('" + table + "'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    @SuppressWarnings("unused")
    private static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
