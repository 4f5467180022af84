package vn.binhyen.knowledge;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.knowledge.EvaluationSet.LabelledQuestion;
import vn.binhyen.knowledge.internal.CatalogueStore;
import vn.binhyen.knowledge.internal.KnowledgeIndex;

/**
 * Not part of {@code verify} (its name does not end in Tests): run with {@code bench/knowledge/run.sh}. Fills the
 * catalogue up to 50,000 approved entries and answers, rebuilds the index, and times the evaluation questions in
 * process, through HTTP, and against the PostgreSQL full-text baseline over the same rows.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The benchmark rebuilds the index itself; the periodic catch-up would rebuild it a second time meanwhile.
        properties = "binhyen.knowledge.refresh-interval=1h")
class KnowledgeBenchmark {

    private static final int ENTRIES = 50_000;
    private static final int ROUNDS = 1;

    @Autowired
    Knowledge knowledge;

    @Autowired
    CatalogueStore store;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void suggestionLatencyAt50000Entries() throws Exception {
        int shipped = store.allPublished().size();
        fill(ENTRIES - shipped);
        long start = System.nanoTime();
        var entries = store.allPublished();
        index.rebuild(entries);
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS unaccent").update();
        jdbc.sql("CREATE SCHEMA IF NOT EXISTS baseline").update();
        jdbc.sql("DROP TABLE IF EXISTS baseline.entries").update();
        jdbc.sql("""
                        CREATE TABLE baseline.entries AS
                        SELECT e.slug, to_tsvector('simple', unaccent(lower(r.title || ' ' || r.questions || ' ' || r.summary
                                   || ' ' || r.documents || ' ' || r.steps))) AS search
                          FROM knowledge.entries e JOIN knowledge.revisions r ON r.entry_id = e.id AND r.status = 'APPROVED'
                        """).update();
        jdbc.sql("CREATE INDEX ON baseline.entries USING GIN (search)").update();
        jdbc.sql("ANALYZE baseline.entries").update();
        double baselineSeconds = (System.nanoTime() - start) / 1e9;

        List<String> questions = EvaluationSet.load().questions().stream()
                .map(LabelledQuestion::text)
                .toList();
        var http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/api/v1/knowledge/suggest?limit=5&q=";

        System.out.printf(
                "bench: %d entries, index %.1f s, baseline %.1f s%n", entries.size(), rebuildSeconds, baselineSeconds);
        // -Dbench.jfr=target/in-process.jfr records a profile of the in-process part only (jfr view hot-methods).
        String jfr = System.getProperty("bench.jfr", "");
        var recording = jfr.isBlank() ? null : new Recording(Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.setDestination(Path.of(jfr));
            recording.start();
        }
        String loadBefore = load();
        var inProcess = time(questions, q -> knowledge.suggestionsFor(q, 5));
        String loadAfter = load();
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        System.out.println("bench: in process " + inProcess.line("in process") + " cpu " + inProcess.cpuLine("cpu"));
        String slowest = inProcess.slowest(10);
        System.out.println("bench: slowest in process\n" + slowest);
        var overHttp = time(questions, q -> {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println("bench: http " + overHttp.line("http"));
        var postgres = time(questions, q -> Baselines.postgres(jdbc, q, 5));

        String report = String.format(
                Locale.ROOT,
                """
                ## Knowledge suggestion benchmark

                %d approved entries and answers (%d shipped, the rest generated from the catalogue's vocabulary);
                index rebuilt in %.1f s; PostgreSQL baseline table and GIN index built in %.1f s.
                %d questions from the evaluation set, %d timed round(s) after 50 warm-up questions; one client thread; 2 cores;
                load average during the run %s (other builds share the machine); before the in-process timing %s,
                after it %s.

                | path | p50 ms | p95 ms | p99 ms | max ms |
                |---|---|---|---|---|
                %s
                %s
                %s
                %s

                Slowest questions in process:

                %s
                """,
                entries.size(),
                shipped,
                rebuildSeconds,
                baselineSeconds,
                questions.size(),
                ROUNDS,
                load(),
                loadBefore,
                loadAfter,
                inProcess.line("BinhYen matcher, in process (Knowledge.suggestionsFor)"),
                inProcess.cpuLine("same, CPU time of the calling thread (what other builds' load does not add to)"),
                overHttp.line("BinhYen matcher, HTTP GET /api/v1/knowledge/suggest"),
                postgres.line("baseline: PostgreSQL FTS + unaccent, GIN, ts_rank_cd"),
                slowest);
        System.out.println(report);
        Files.writeString(Path.of("target", "knowledge-benchmark.md"), report);
    }

    /** Generated answers: sentences of the catalogue's own words, so term statistics look like real content. */
    private void fill(int count) {
        var vocabulary = new LinkedHashSet<String>();
        for (var entry : store.allPublished()) {
            String text = Baselines.searchableText(entry).toLowerCase(Locale.ROOT);
            vocabulary.addAll(Arrays.asList(text.split("[^\\p{L}\\p{N}]+")));
        }
        vocabulary.remove("");
        String[] words = vocabulary.toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO knowledge.entries (slug, kind, topic, created_at)
                        SELECT 'bench-' || g, 'ANSWER', 'OTHER', now() FROM generate_series(1, ?) g
                        """).param(count).update();
        jdbc.sql("""
                        INSERT INTO knowledge.revisions (entry_id, number, status, title, questions, summary,
                            proposed_by_name, proposed_at, decided_by_name, decided_at, reviewed_on)
                        SELECT e.id, 1, 'APPROVED', t.title, t.question, t.summary, 'benchmark', now(), 'benchmark', now(),
                               current_date
                          FROM (SELECT ?::text[] AS w) vocabulary,
                               knowledge.entries e,
                          LATERAL (SELECT
                              (SELECT string_agg(w[1 + floor(random() * array_length(w, 1))::int + 0 * g], ' ')
                                 FROM generate_series(1, 4 + e.id % 5) g WHERE e.id > 0) AS title,
                              (SELECT string_agg(w[1 + floor(random() * array_length(w, 1))::int + 0 * g], ' ')
                                 FROM generate_series(1, 8 + e.id % 7) g WHERE e.id > 0) AS question,
                              (SELECT string_agg(w[1 + floor(random() * array_length(w, 1))::int + 0 * g], ' ')
                                 FROM generate_series(1, 40 + e.id % 40) g WHERE e.id > 0) AS summary) t
                         WHERE e.slug LIKE 'bench-%'
                        """).param(words).update();
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static Timings time(List<String> questions, Consumer<String> call) {
        questions.stream().limit(50).forEach(call);
        var threads = ManagementFactory.getThreadMXBean();
        List<Long> nanos = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Timed> timed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String question : questions) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                call.accept(question);
                long took = System.nanoTime() - start;
                cpu.add(threads.getCurrentThreadCpuTime() - cpuStart);
                nanos.add(took);
                timed.add(new Timed(question, took));
            }
        }
        timed.sort(Comparator.comparingLong(Timed::nanos).reversed());
        return new Timings(
                nanos.stream().sorted().toList(), cpu.stream().sorted().toList(), timed);
    }

    private record Timed(String question, long nanos) {}

    private record Timings(List<Long> sorted, List<Long> cpuSorted, List<Timed> slowestFirst) {

        /** The slowest questions with their time: where to look first. */
        String slowest(int n) {
            var out = new StringBuilder();
            for (Timed t : slowestFirst.subList(0, Math.min(n, slowestFirst.size()))) {
                out.append(String.format(
                        Locale.ROOT,
                        "- %.2f ms (%d chars): %s%n",
                        t.nanos() / 1e6,
                        t.question().length(),
                        t.question().length() > 120 ? t.question().substring(0, 119) + "…" : t.question()));
            }
            return out.toString();
        }

        static double percentile(List<Long> sorted, double p) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }

        String line(String path) {
            return line(path, sorted);
        }

        String cpuLine(String path) {
            return line(path, cpuSorted);
        }

        private static String line(String path, List<Long> sorted) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f | %.2f |",
                    path,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.95),
                    percentile(sorted, 0.99),
                    sorted.getLast() / 1e6);
        }
    }
}
