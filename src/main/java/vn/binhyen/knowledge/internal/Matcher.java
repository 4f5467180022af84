package vn.binhyen.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
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
    /** Past this many remembered terms the rarity cache starts again (an index lives for days between rebuilds). */
    private static final int MAX_CACHED_TERMS = 200_000;

    private final KnowledgeIndex index;
    private final TextAnalysis analysis;
    private final KnowledgeProperties properties;
    private volatile Rarity rarity;
    private volatile Vocabulary vocabulary;

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

    /**
     * Whether any entry could score at least {@code score} for this text, decided without searching: an entry's two
     * coverages ({@link #match}) are counted here for every entry at once from term-to-entry and term-to-phrasing
     * tables, and its score is at most {@link #score} of them with the best relevance. An upper bound, never a
     * guess: when this says no, {@link #rank} finds no entry that good either. Most messages residents write are not
     * questions, and this costs a small fraction of a search.
     */
    public boolean couldScore(String question, double score) {
        String canonical = analysis.canonical(question);
        List<String> words = distinct(analysis.wordsOf(canonical));
        List<String> pairs = distinct(analysis.pairsOf(canonical));
        if (words.isEmpty() && pairs.isEmpty()) {
            return false;
        }
        try {
            IndexSearcher searcher = index.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                Rarity rarity = rarityFor(reader);
                QueryTerms terms = queryTerms(words, pairs, rarity);
                return Vocabulary.of(reader, rarity, this).bestScore(terms.all()) >= score;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terms searched and scored: all of them, or for a long, rambling message only the rarest. */
    private record QueryTerms(List<String> words, List<String> pairs) {
        Set<String> all() {
            Set<String> all = new HashSet<>(words);
            all.addAll(pairs);
            return all;
        }
    }

    private static QueryTerms queryTerms(List<String> allWords, List<String> allPairs, Rarity rarity) {
        // A long, rambling message would make hundreds of clauses over common syllables, the slow tail of the
        // benchmark; its rarest terms carry the meaning, so only they are searched and scored.
        if (allWords.size() + allPairs.size() <= MAX_QUERY_TERMS) {
            return new QueryTerms(allWords, allPairs);
        }
        Set<String> kept = new HashSet<>(java.util.stream.Stream.concat(allWords.stream(), allPairs.stream())
                .sorted(Comparator.comparingDouble(rarity::weight).reversed())
                .limit(MAX_QUERY_TERMS)
                .toList());
        return new QueryTerms(
                allWords.stream().filter(kept::contains).toList(),
                allPairs.stream().filter(kept::contains).toList());
    }

    private List<Match> rank(IndexSearcher searcher, List<String> allWords, List<String> allPairs, List<String> exact)
            throws IOException {
        Rarity rarity = rarityFor(searcher.getIndexReader());
        QueryTerms kept = queryTerms(allWords, allPairs, rarity);
        List<String> words = kept.words();
        List<String> pairs = kept.pairs();
        var query = new BooleanQuery.Builder();
        for (String word : words) {
            should(query, TextAnalysis.PHRASE_WORDS, word, 2.0f);
            should(query, TextAnalysis.BODY_WORDS, word, 0.7f);
        }
        for (String pair : pairs) {
            should(query, TextAnalysis.PHRASE_PAIRS, pair, 3.0f);
            should(query, TextAnalysis.BODY_PAIRS, pair, 1.0f);
        }
        for (String term : rarest(exact, rarity)) {
            should(query, TextAnalysis.EXACT, term, 0.5f);
        }
        // Only the best few are wanted and the hit count never: with a threshold of CANDIDATES Lucene may skip
        // documents that cannot enter the top as soon as it has that many, instead of scoring the first 1,000 hits
        // of every common syllable in full. The top candidates are the same.
        ScoreDoc[] hits =
                searcher.search(query.build(), new TopScoreDocCollectorManager(CANDIDATES, CANDIDATES)).scoreDocs;
        if (hits.length == 0) {
            return List.of();
        }
        Set<String> questionTerms = kept.all();
        List<HitData> data = hitData(searcher, hits);
        List<Match> matches = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            matches.add(match(data.get(i), hits[i].score, hits[0].score, questionTerms, rarity));
        }
        matches.sort(Comparator.comparingDouble(Match::score)
                .thenComparingDouble(Match::relevance)
                .reversed());
        return matches;
    }

    /**
     * An entry's score from its measures, each 0–1. Weights chosen on the evaluation set (README beside it): coverage
     * of the question matters most, then BM25 relative to the best candidate (orders entries that cover the same
     * words), then the phrasing. {@link #couldScore} relies on it growing with each measure.
     */
    static double score(double questionCoverage, double phrasingCoverage, double relativeRelevance) {
        return Math.pow(questionCoverage, 0.5) * Math.pow(phrasingCoverage, 0.4) * Math.pow(relativeRelevance, 0.6);
    }

    /** Each hit's {@link HitData}, in the hits' order; read in document order, as doc values are. */
    private static List<HitData> hitData(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
        HitData[] data = new HitData[hits.length];
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getBinary(leaf.reader(), KnowledgeIndex.HIT_DATA);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("Entry without hit data: document " + doc);
            }
            data[i] = HitData.decode(values.binaryValue());
        }
        return Arrays.asList(data);
    }

    private Match match(HitData doc, float relevance, float bestRelevance, Set<String> questionTerms, Rarity rarity) {
        // Only the question's terms are looked up in the entry's: no set of the entry's hundreds of terms is built.
        Set<String> askedInPhrasings = new HashSet<>();
        double phrasingCoverage = 0;
        for (String stored : doc.phrasingTerms()) {
            double total = 0;
            double covered = 0;
            for (String term : terms(stored)) {
                double weight = rarity.weight(term);
                total += weight;
                if (questionTerms.contains(term)) {
                    covered += weight;
                    askedInPhrasings.add(term);
                }
            }
            phrasingCoverage = Math.max(phrasingCoverage, total == 0 ? 0 : covered / total);
        }
        Set<String> askedInEntry = new HashSet<>(askedInPhrasings);
        for (String term : terms(doc.bodyTerms())) {
            if (questionTerms.contains(term)) {
                askedInEntry.add(term);
            }
        }
        double questionCoverage = rarity.coverage(questionTerms, askedInEntry);
        double askedCoverage = rarity.coverage(questionTerms, askedInPhrasings);

        double score = score(questionCoverage, phrasingCoverage, relevance / bestRelevance);
        return new Match(
                doc.id(), doc.slug(), doc.title(), score, questionCoverage, phrasingCoverage, askedCoverage, relevance);
    }

    /**
     * The space-separated terms written at indexing (distinct already); split by hand, a regular expression was a
     * tenth of the time.
     */
    private static List<String> terms(String stored) {
        List<String> terms = new ArrayList<>();
        int start = 0;
        while (start < stored.length()) {
            int end = stored.indexOf(' ', start);
            if (end < 0) {
                end = stored.length();
            }
            if (end > start) {
                terms.add(stored.substring(start, end));
            }
            start = end + 1;
        }
        return terms;
    }

    /**
     * The spelled-with-diacritics terms of a long question were as many clauses again as its folded ones, uncapped:
     * the slowest questions of the benchmark. The same rule applies: only the rarest are searched.
     */
    private static List<String> rarest(List<String> exact, Rarity rarity) {
        if (exact.size() <= MAX_QUERY_TERMS) {
            return exact;
        }
        Set<String> kept = new HashSet<>(exact.stream()
                .sorted(Comparator.comparingDouble(rarity::exactWeight).reversed())
                .limit(MAX_QUERY_TERMS)
                .toList());
        return exact.stream().filter(kept::contains).toList();
    }

    /**
     * Term statistics only change when the index does, so they are kept for the reader rather than looked up again
     * for every question: the candidates' phrasing terms alone were hundreds of dictionary look-ups per question.
     */
    private Rarity rarityFor(IndexReader reader) {
        Rarity current = rarity;
        if (current == null
                || current.reader != reader
                || current.weights.size() + current.exactWeights.size() > MAX_CACHED_TERMS) {
            current = new Rarity(reader);
            rarity = current;
        }
        return current;
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
     * Which entries and which of their phrasings have each term (as {@link #match} looks for them: an entry's terms
     * are its phrasings' and its body's), with each phrasing's total weight, for {@link #couldScore}. Built once per
     * index reader from the entries' hit data: a few hundred entries.
     */
    private static final class Vocabulary {
        private final IndexReader reader;
        private final Map<String, int[]> entriesByTerm;
        private final Map<String, int[]> phrasingsByTerm;
        private final Map<String, Double> weights = new HashMap<>();
        private final int entries;
        private final int[] entryOfPhrasing;
        private final double[] phrasingWeight;

        private Vocabulary(IndexReader reader, Rarity rarity) throws IOException {
            this.reader = reader;
            Map<String, List<Integer>> entryLists = new HashMap<>();
            Map<String, List<Integer>> phrasingLists = new HashMap<>();
            List<Integer> phrasingEntries = new ArrayList<>();
            List<Double> phrasingWeights = new ArrayList<>();
            int entry = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                BinaryDocValues values = DocValues.getBinary(leaf.reader(), KnowledgeIndex.HIT_DATA);
                var live = leaf.reader().getLiveDocs();
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    HitData data = HitData.decode(values.binaryValue());
                    Set<String> entryTerms = new HashSet<>(terms(data.bodyTerms()));
                    for (String stored : data.phrasingTerms()) {
                        int phrasing = phrasingEntries.size();
                        double weight = 0;
                        for (String term : new HashSet<>(terms(stored))) {
                            weight += weights.computeIfAbsent(term, rarity::weight);
                            entryTerms.add(term);
                            phrasingLists
                                    .computeIfAbsent(term, t -> new ArrayList<>())
                                    .add(phrasing);
                        }
                        phrasingEntries.add(entry);
                        phrasingWeights.add(weight);
                    }
                    entryTerms.forEach(term -> weights.computeIfAbsent(term, rarity::weight));
                    int current = entry++;
                    entryTerms.forEach(term -> entryLists
                            .computeIfAbsent(term, t -> new ArrayList<>())
                            .add(current));
                }
            }
            this.entries = entry;
            this.entriesByTerm = arrays(entryLists);
            this.phrasingsByTerm = arrays(phrasingLists);
            this.entryOfPhrasing =
                    phrasingEntries.stream().mapToInt(Integer::intValue).toArray();
            this.phrasingWeight =
                    phrasingWeights.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static Map<String, int[]> arrays(Map<String, List<Integer>> lists) {
            Map<String, int[]> result = new HashMap<>();
            lists.forEach((term, list) ->
                    result.put(term, list.stream().mapToInt(Integer::intValue).toArray()));
            return result;
        }

        static Vocabulary of(IndexReader reader, Rarity rarity, Matcher matcher) throws IOException {
            Vocabulary current = matcher.vocabulary;
            if (current == null || current.reader != reader) {
                current = new Vocabulary(reader, rarity);
                matcher.vocabulary = current;
            }
            return current;
        }

        /**
         * The best score any entry could have for these terms: its coverages, the best relevance. A term no entry has
         * is left out of the question's weight, which can only raise the coverages: the bound stays a bound, and
         * the numbers and names residents write cost no look-up in the index.
         */
        double bestScore(Set<String> terms) {
            double total = 0;
            double[] entryCovered = new double[entries];
            double[] phrasingCovered = new double[entryOfPhrasing.length];
            for (String term : terms) {
                Double weight = weights.get(term);
                if (weight == null || weight == 0) {
                    continue;
                }
                total += weight;
                for (int entry : entriesByTerm.getOrDefault(term, NONE)) {
                    entryCovered[entry] += weight;
                }
                for (int phrasing : phrasingsByTerm.getOrDefault(term, NONE)) {
                    phrasingCovered[phrasing] += weight;
                }
            }
            if (total == 0) {
                return 0;
            }
            double[] bestPhrasing = new double[entries];
            for (int phrasing = 0; phrasing < phrasingCovered.length; phrasing++) {
                if (phrasingCovered[phrasing] > 0 && phrasingWeight[phrasing] > 0) {
                    int entry = entryOfPhrasing[phrasing];
                    bestPhrasing[entry] =
                            Math.max(bestPhrasing[entry], phrasingCovered[phrasing] / phrasingWeight[phrasing]);
                }
            }
            double best = 0;
            for (int entry = 0; entry < entries; entry++) {
                if (entryCovered[entry] > 0) {
                    best = Math.max(best, score(entryCovered[entry] / total, bestPhrasing[entry], 1.0));
                }
            }
            return best;
        }

        private static final int[] NONE = new int[0];
    }

    /**
     * Inverse document frequency over the whole index: a term every entry has ("giấy tờ") says little, a rare one
     * ("tạm vắng") says a lot. Terms no entry has are left out: they cannot be answered, but they do not make a
     * long, chatty question look unanswerable either. Shared by the questions searched on one reader.
     */
    private static final class Rarity {
        private final IndexReader reader;
        private final int documents;
        private final Map<String, Double> weights = new ConcurrentHashMap<>();
        private final Map<String, Double> exactWeights = new ConcurrentHashMap<>();

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
            return lookUp(weights, term.indexOf('_') >= 0 ? TextAnalysis.ALL_PAIRS : TextAnalysis.ALL_WORDS, term);
        }

        /** The same for a term spelled as typed; a term no entry has weighs nothing here either. */
        double exactWeight(String term) {
            return lookUp(exactWeights, TextAnalysis.EXACT, term);
        }

        private double lookUp(Map<String, Double> cache, String field, String term) {
            Double known = cache.get(term);
            if (known != null) {
                return known;
            }
            return cache.computeIfAbsent(term, t -> {
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
