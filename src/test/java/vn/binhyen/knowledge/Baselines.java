package vn.binhyen.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.knowledge.internal.PublishedEntry;

/**
 * What we compare the matcher with: the obvious tools a team would reach for first, given the same entries.
 *
 * <ul>
 *   <li>PostgreSQL full-text search over {@code unaccent}-ed text ('simple' configuration), question words OR-ed,
 *       ranked by {@code ts_rank_cd};
 *   <li>Lucene's StandardAnalyzer (lower case, no folding, no synonyms), question words OR-ed, BM25.
 * </ul>
 *
 * Neither has a score scale, so each says "no answer" only when nothing matches at all.
 */
final class Baselines {

    private Baselines() {}

    static String searchableText(PublishedEntry entry) {
        return String.join("\n", entry.content().phrasings()) + "\n"
                + entry.content().body();
    }

    /** Loads the entries into {@code baseline.entries} with a GIN index over the unaccented text. */
    static void preparePostgres(JdbcClient jdbc, List<PublishedEntry> entries) {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS unaccent").update();
        jdbc.sql("CREATE SCHEMA IF NOT EXISTS baseline").update();
        jdbc.sql("DROP TABLE IF EXISTS baseline.entries").update();
        jdbc.sql("CREATE TABLE baseline.entries (slug TEXT PRIMARY KEY, body TEXT NOT NULL, search TSVECTOR)")
                .update();
        for (PublishedEntry entry : entries) {
            jdbc.sql("INSERT INTO baseline.entries (slug, body) VALUES (?, ?)")
                    .params(entry.slug(), searchableText(entry))
                    .update();
        }
        jdbc.sql("UPDATE baseline.entries SET search = to_tsvector('simple', unaccent(lower(body)))")
                .update();
        jdbc.sql("CREATE INDEX ON baseline.entries USING GIN (search)").update();
    }

    static List<String> postgres(JdbcClient jdbc, String question, int limit) {
        String words = Arrays.stream(question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isBlank())
                .distinct()
                .collect(Collectors.joining(" | "));
        if (words.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT slug FROM baseline.entries, to_tsquery('simple', unaccent(:words)) query
                         WHERE search @@ query ORDER BY ts_rank_cd(search, query) DESC, slug LIMIT :limit
                        """)
                .param("words", words)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** An in-memory index with Lucene's StandardAnalyzer, as a developer would build one on day one. */
    static final class StandardLucene {
        private final IndexSearcher searcher;
        private final StandardAnalyzer analyzer = new StandardAnalyzer();

        StandardLucene(List<PublishedEntry> entries) {
            var directory = new ByteBuffersDirectory();
            try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (PublishedEntry entry : entries) {
                    var doc = new Document();
                    doc.add(new StoredField("slug", entry.slug()));
                    doc.add(new TextField("text", searchableText(entry), Field.Store.NO));
                    writer.addDocument(doc);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                searcher = new IndexSearcher(DirectoryReader.open(directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> search(String question, int limit) {
            String escaped = QueryParser.escape(question).replaceAll("\\b(AND|OR|NOT)\\b", " ");
            if (escaped.isBlank()) {
                return List.of();
            }
            try {
                var query = new QueryParser("text", analyzer).parse(escaped);
                List<String> slugs = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                    slugs.add(searcher.storedFields().document(hit.doc).get("slug"));
                }
                return slugs;
            } catch (ParseException e) {
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
