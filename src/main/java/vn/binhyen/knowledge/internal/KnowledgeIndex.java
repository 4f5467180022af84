package vn.binhyen.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import vn.binhyen.shared.text.VietnameseText;

/**
 * This node's Lucene index of approved entries. PostgreSQL is the truth: the index is rebuilt from it at start and
 * updated when a version is approved, so every node holds its own copy and needs no shared search server. It lives in
 * a temporary directory read through memory maps: Lucene's heap-only directory slices buffers on every term look-up
 * and was ten times slower at 50,000 entries.
 */
@Component
public class KnowledgeIndex implements AutoCloseable {

    static final String ID = "id";
    /** Per entry, what the matcher compares ({@link HitData}), analysed once here rather than for every question. */
    static final String HIT_DATA = "hit_data";

    private static final java.util.regex.Pattern CLAUSES = java.util.regex.Pattern.compile("[(),;:]");

    private final TextAnalysis analysis;
    private final Path location;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    KnowledgeIndex(TextAnalysis analysis) {
        this.analysis = analysis;
        try {
            this.location = Files.createTempDirectory("binhyen-knowledge-index");
            Directory directory = FSDirectory.open(location);
            this.writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(analysis.analyzer())
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                            .setRAMBufferSizeMB(64));
            writer.commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void rebuild(Collection<PublishedEntry> entries) {
        rebuild(entries, Map.of());
    }

    /** @param learned per entry id, the residents' questions officers answered with it (folded) */
    public synchronized void rebuild(Collection<PublishedEntry> entries, Map<Long, List<String>> learned) {
        try {
            writer.deleteAll();
            for (PublishedEntry entry : entries) {
                writer.addDocument(document(entry, learned.getOrDefault(entry.id(), List.of())));
            }
            // Read-mostly: one segment makes every term look-up (the matcher makes hundreds per question) one seek.
            writer.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void put(PublishedEntry entry, List<String> learned) {
        try {
            writer.updateDocument(new Term(ID, Long.toString(entry.id())), document(entry, learned));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private Document document(PublishedEntry entry, List<String> learned) {
        var content = entry.content();
        var doc = new Document();
        // Nothing is stored: what a hit needs is in HIT_DATA, the id is indexed only to replace the document.
        doc.add(new StringField(ID, Long.toString(entry.id()), Field.Store.NO));
        List<String> phrasingTerms = new ArrayList<>();
        for (String phrasing : content.phrasings()) {
            String canonical = analysis.canonical(phrasing);
            phrasingTerms.add(termsOf(canonical));
            doc.add(new TextField(TextAnalysis.PHRASE_WORDS, canonical, Field.Store.NO));
            doc.add(new TextField(TextAnalysis.PHRASE_PAIRS, canonical, Field.Store.NO));
            doc.add(new TextField(TextAnalysis.ALL_WORDS, canonical, Field.Store.NO));
            doc.add(new TextField(TextAnalysis.ALL_PAIRS, canonical, Field.Store.NO));
            doc.add(new TextField(TextAnalysis.EXACT, VietnameseText.normalizeTones(phrasing), Field.Store.NO));
            // "Cấp đổi thẻ căn cước (đến tuổi đổi thẻ, thẻ hỏng …)": each part is also a way to ask on its own.
            String[] parts = CLAUSES.split(phrasing);
            for (int i = 0; parts.length > 1 && i < parts.length; i++) {
                String part = analysis.canonical(parts[i]);
                if (!part.isBlank()) {
                    phrasingTerms.add(termsOf(part));
                }
            }
        }
        // Questions officers answered with this entry: matched like its own phrasings, but not shown anywhere.
        for (String phrasing : learned) {
            phrasingTerms.add(termsOf(phrasing));
            doc.add(new TextField(TextAnalysis.PHRASE_WORDS, phrasing, Field.Store.NO));
            doc.add(new TextField(TextAnalysis.PHRASE_PAIRS, phrasing, Field.Store.NO));
            doc.add(new TextField(TextAnalysis.ALL_WORDS, phrasing, Field.Store.NO));
            doc.add(new TextField(TextAnalysis.ALL_PAIRS, phrasing, Field.Store.NO));
        }
        String body = analysis.canonical(content.body());
        doc.add(new BinaryDocValuesField(
                HIT_DATA,
                new HitData(entry.id(), entry.slug(), content.title(), termsOf(body), phrasingTerms).encode()));
        doc.add(new TextField(TextAnalysis.BODY_WORDS, body, Field.Store.NO));
        doc.add(new TextField(TextAnalysis.BODY_PAIRS, body, Field.Store.NO));
        doc.add(new TextField(TextAnalysis.ALL_WORDS, body, Field.Store.NO));
        doc.add(new TextField(TextAnalysis.ALL_PAIRS, body, Field.Store.NO));
        doc.add(new TextField(TextAnalysis.EXACT, VietnameseText.normalizeTones(content.summary()), Field.Store.NO));
        return doc;
    }

    private String termsOf(String canonical) {
        return String.join(" ", analysis.termsOf(canonical));
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        writer.getDirectory().close();
        FileSystemUtils.deleteRecursively(location);
    }
}
