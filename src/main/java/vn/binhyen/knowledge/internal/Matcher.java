package vn.binhyen.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.springframework.stereotype.Component;
import vn.binhyen.knowledge.Suggestion;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Finds the entries that answer a resident's question. Lucene's BM25 over syllables and syllable pairs picks
 * candidates; each is then scored 0–1 by how well question and entry cover each other (rare terms count more) and
 * by its BM25 relative to the best candidate, so a single threshold can say "nothing fits" whatever the question's
 * length.
 */
@Component
public class Matcher {

    private static final int CANDIDATES = 10;
    private static final int MAX_TERMS = 200;
    private static final int MAX_QUERY_TERMS = 40;
    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile(" ");

    private final KnowledgeIndex index;
    private final TextAnalysis analysis;
    private final KnowledgeProperties properties;

    Matcher(KnowledgeIndex index, TextAnalysis analysis, KnowledgeProperties properties) {
        this.index = index;
        this.analysis = analysis;
        this.properties = properties;
    }

    public List<Suggestion> suggest(String question, int limit) {
        return rank(question).stream()
                .filter(match -> match.score() >= properties.suggestThreshold())
                .limit(limit)
                .map(Matcher::suggestion)
                .toList();
    }

    public Optional<Suggestion> automaticAnswer(String question) {
        return rank(question).stream()
                .findFirst()
                .filter(match -> match.score() >= properties.autoAnswerThreshold())
                .map(Matcher::suggestion);
    }

    /** Every candidate with its score, best first, before any threshold: for suggestions and for evaluation. */
    public List<Match> rank(String question) {
        String canonical = analysis.canonical(question);
        List<String> words = distinct(analysis.wordsOf(canonical));
        List<String> pairs = distinct(analysis.pairsOf(canonical));
        List<String> exact =
                VietnameseText.hasDiacritics(question) ? distinct(analysis.exactTermsOf(question)) : List.of();
        if (words.isEmpty() && pairs.isEmpty()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = index.acquire();
            try {
                return rank(searcher, words, pairs, exact);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Match> rank(IndexSearcher searcher, List<String> allWords, List<String> allPairs, List<String> exact)
            throws IOException {
        Rarity rarity = new Rarity(searcher.getIndexReader());
        // A long, rambling message would make hundreds of clauses over common syllables, the slow tail of the
        // benchmark; its rarest terms carry the meaning, so only they are searched and scored.
        List<String> words = allWords;
        List<String> pairs = allPairs;
        if (allWords.size() + allPairs.size() > MAX_QUERY_TERMS) {
            Set<String> kept = new HashSet<>(java.util.stream.Stream.concat(allWords.stream(), allPairs.stream())
                    .sorted(Comparator.comparingDouble(rarity::weight).reversed())
                    .limit(MAX_QUERY_TERMS)
                    .toList());
            words = allWords.stream().filter(kept::contains).toList();
            pairs = allPairs.stream().filter(kept::contains).toList();
        }
        var query = new BooleanQuery.Builder();
        for (String word : words) {
            should(query, TextAnalysis.PHRASE_WORDS, word, 2.0f);
            should(query, TextAnalysis.BODY_WORDS, word, 0.7f);
        }
        for (String pair : pairs) {
            should(query, TextAnalysis.PHRASE_PAIRS, pair, 3.0f);
            should(query, TextAnalysis.BODY_PAIRS, pair, 1.0f);
        }
        for (String term : exact.subList(0, Math.min(exact.size(), MAX_TERMS))) {
            should(query, TextAnalysis.EXACT, term, 0.5f);
        }
        ScoreDoc[] hits = searcher.search(query.build(), CANDIDATES).scoreDocs;
        if (hits.length == 0) {
            return List.of();
        }
        Set<String> questionTerms = new HashSet<>(words);
        questionTerms.addAll(pairs);
        List<Match> matches = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            matches.add(match(
                    searcher.storedFields().document(hit.doc, KnowledgeIndex.MATCH_FIELDS),
                    hit.score,
                    hits[0].score,
                    questionTerms,
                    rarity));
        }
        matches.sort(Comparator.comparingDouble(Match::score)
                .thenComparingDouble(Match::relevance)
                .reversed());
        return matches;
    }

    private Match match(Document doc, float relevance, float bestRelevance, Set<String> questionTerms, Rarity rarity) {
        Set<String> entryTerms = terms(doc.get(KnowledgeIndex.BODY_TERMS));
        Set<String> allPhrasingTerms = new HashSet<>();
        double phrasingCoverage = 0;
        for (String stored : doc.getValues(KnowledgeIndex.PHRASING_TERMS)) {
            Set<String> phrasingTerms = terms(stored);
            allPhrasingTerms.addAll(phrasingTerms);
            phrasingCoverage = Math.max(phrasingCoverage, rarity.coverage(phrasingTerms, questionTerms));
        }
        entryTerms.addAll(allPhrasingTerms);
        double questionCoverage = rarity.coverage(questionTerms, entryTerms);
        double askedCoverage = rarity.coverage(questionTerms, allPhrasingTerms);
        // Weights chosen on the evaluation set (README beside it): coverage of the question matters most, then
        // BM25 relative to the best candidate (orders entries that cover the same words), then the phrasing.
        double score = Math.pow(questionCoverage, 0.5)
                * Math.pow(phrasingCoverage, 0.4)
                * Math.pow(relevance / bestRelevance, 0.6);
        return new Match(
                Long.parseLong(doc.get(KnowledgeIndex.ID)),
                doc.get(KnowledgeIndex.SLUG),
                doc.get(KnowledgeIndex.TITLE),
                score,
                questionCoverage,
                phrasingCoverage,
                askedCoverage,
                relevance);
    }

    private static Set<String> terms(String stored) {
        Set<String> terms = new HashSet<>();
        for (String term : SPACE.split(stored)) {
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static void should(BooleanQuery.Builder query, String field, String term, float boost) {
        query.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD);
    }

    private static List<String> distinct(List<String> terms) {
        return terms.stream().distinct().limit(MAX_TERMS).toList();
    }

    private static Suggestion suggestion(Match match) {
        double rounded = Math.round(match.score() * 1000) / 1000.0;
        return new Suggestion(match.id(), match.slug(), match.title(), rounded, match.url());
    }

    /**
     * Inverse document frequency over the whole index: a term every entry has ("giấy tờ") says little, a rare one
     * ("tạm vắng") says a lot. Terms no entry has are left out: they cannot be answered, but they do not make a
     * long, chatty question look unanswerable either.
     */
    private static final class Rarity {
        private final IndexReader reader;
        private final int documents;
        private final Map<String, Double> weights = new HashMap<>();

        Rarity(IndexReader reader) {
            this.reader = reader;
            this.documents = reader.numDocs();
        }

        /** The weighted share of {@code terms} (those known to the index) that {@code other} also has. */
        double coverage(Set<String> terms, Set<String> other) {
            double total = 0;
            double covered = 0;
            for (String term : terms) {
                double weight = weight(term);
                total += weight;
                if (other.contains(term)) {
                    covered += weight;
                }
            }
            return total == 0 ? 0 : covered / total;
        }

        double weight(String term) {
            return weights.computeIfAbsent(term, t -> {
                String field = t.indexOf('_') >= 0 ? TextAnalysis.ALL_PAIRS : TextAnalysis.ALL_WORDS;
                try {
                    int df = reader.docFreq(new Term(field, t));
                    return df == 0 ? 0.0 : Math.log(1 + (documents - df + 0.5) / (df + 0.5));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
