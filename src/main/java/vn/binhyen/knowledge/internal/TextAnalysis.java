package vn.binhyen.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.core.io.ClassPathResource;
import vn.binhyen.shared.text.VietnameseText;

/**
 * How Vietnamese text becomes search terms, the same for entries and questions. Text is first folded and written out
 * ({@link VietnameseText#foldWords}) and synonyms rewritten; Lucene then makes syllables (stop words dropped) and
 * pairs of adjacent syllables ("dang_ky", "tam_tru"): Vietnamese words are mostly two syllables, so a pair is close
 * to a word without needing a GPL segmenter. An exact field keeps diacritics for residents who typed them.
 */
public final class TextAnalysis {

    static final String PHRASE_WORDS = "phrase_words";
    static final String PHRASE_PAIRS = "phrase_pairs";
    static final String BODY_WORDS = "body_words";
    static final String BODY_PAIRS = "body_pairs";
    static final String ALL_WORDS = "all_words";
    static final String ALL_PAIRS = "all_pairs";
    static final String EXACT = "exact";

    private final Synonyms synonyms;
    private final CharArraySet stopWords;
    private final Analyzer analyzer;

    private TextAnalysis(Synonyms synonyms, CharArraySet stopWords) {
        this.synonyms = synonyms;
        this.stopWords = stopWords;
        Analyzer words = new WordsAnalyzer(stopWords);
        Analyzer pairs = new PairsAnalyzer(stopWords);
        this.analyzer = new PerFieldAnalyzerWrapper(
                new KeywordAnalyzer(),
                Map.of(
                        PHRASE_WORDS, words,
                        BODY_WORDS, words,
                        ALL_WORDS, words,
                        PHRASE_PAIRS, pairs,
                        BODY_PAIRS, pairs,
                        ALL_PAIRS, pairs,
                        EXACT, new ExactAnalyzer()));
    }

    public static TextAnalysis load() {
        return new TextAnalysis(Synonyms.load("knowledge/synonyms.txt"), loadStopWords("knowledge/stopwords.txt"));
    }

    /** The folded, written-out, synonym-rewritten words of a text, joined by spaces. */
    public String canonical(String text) {
        return String.join(" ", synonyms.rewrite(VietnameseText.foldedWords(text)));
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The distinct content syllables and syllable pairs of a canonical text: what can match. */
    public Set<String> termsOf(String canonicalText) {
        Set<String> terms = new LinkedHashSet<>(wordsOf(canonicalText));
        terms.addAll(pairsOf(canonicalText));
        return terms;
    }

    public List<String> wordsOf(String canonicalText) {
        return analyze(ALL_WORDS, canonicalText);
    }

    public List<String> pairsOf(String canonicalText) {
        return analyze(ALL_PAIRS, canonicalText);
    }

    public List<String> exactTermsOf(String text) {
        return analyze(EXACT, VietnameseText.normalizeTones(text));
    }

    boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    private List<String> analyze(String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static CharArraySet loadStopWords(String resource) {
        CharArraySet words = new CharArraySet(200, false);
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> List.of(line.strip().split("\\s+")).stream())
                    .filter(word -> !word.isEmpty())
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return CharArraySet.unmodifiableSet(words);
    }

    private static final class WordsAnalyzer extends Analyzer {
        private final CharArraySet stopWords;

        WordsAnalyzer(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new WhitespaceTokenizer();
            return new TokenStreamComponents(source, new StopFilter(source, stopWords));
        }
    }

    private static final class PairsAnalyzer extends Analyzer {
        private final CharArraySet stopWords;

        PairsAnalyzer(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new WhitespaceTokenizer();
            ShingleFilter pairs = new ShingleFilter(source, 2, 2);
            pairs.setOutputUnigrams(false);
            pairs.setTokenSeparator("_");
            return new TokenStreamComponents(source, new FunctionWordPairFilter(pairs, stopWords));
        }
    }

    /** Drops pairs made only of function words ("co_phai", "khong_a"): they say nothing about the topic. */
    private static final class FunctionWordPairFilter extends FilteringTokenFilter {
        private final CharArraySet stopWords;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FunctionWordPairFilter(TokenStream input, CharArraySet stopWords) {
            super(input);
            this.stopWords = stopWords;
        }

        @Override
        protected boolean accept() {
            String pair = term.toString();
            int split = pair.indexOf('_');
            return split < 0
                    || !(stopWords.contains(pair.substring(0, split)) && stopWords.contains(pair.substring(split + 1)));
        }
    }

    private static final class ExactAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new WhitespaceTokenizer();
            ShingleFilter shingles = new ShingleFilter(source, 2, 2);
            shingles.setOutputUnigrams(true);
            return new TokenStreamComponents(source, shingles);
        }
    }
}
