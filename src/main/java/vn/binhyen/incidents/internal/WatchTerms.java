package vn.binhyen.incidents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.shared.text.VietnameseText;

/**
 * The watch terms of each unit (national defaults overlaid with the unit's own), folded with the shared folding and
 * kept in memory for a short while, so matching a signal costs no query.
 */
@Component
public class WatchTerms {

    /** A term as stored: its wording, other wordings, weight and category. */
    public record Term(
            long id,
            @Nullable String communeCode,
            WatchCategory category,
            String term,
            String variants,
            double weight) {}

    /**
     * One folded form that points at its term, kept also between spaces: matching runs on every message at intake,
     * and building that string per form and message was most of its allocation.
     */
    record Form(String folded, String spaced, Term term) {
        Form(String folded, Term term) {
            this(folded, " " + folded + " ", term);
        }
    }

    /** What a text matched: the distinct terms, their categories and the summed weight. */
    public record Match(List<String> terms, Set<WatchCategory> categories, double score) {
        static final Match NONE = new Match(List.of(), Set.of(), 0);

        boolean any() {
            return !terms.isEmpty();
        }
    }

    private record Cached(List<Form> forms, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final IncidentsProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    WatchTerms(JdbcClient jdbc, IncidentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Finds every term whose folded form occurs in the folded text as whole words. */
    public Match match(String communeCode, String folded) {
        if (folded.isEmpty()) {
            return Match.NONE;
        }
        String padded = " " + folded + " ";
        Map<Long, Term> hits = new LinkedHashMap<>();
        for (Form form : forms(communeCode)) {
            if (!hits.containsKey(form.term().id()) && padded.contains(form.spaced())) {
                hits.put(form.term().id(), form.term());
            }
        }
        if (hits.isEmpty()) {
            return Match.NONE;
        }
        List<String> terms = new ArrayList<>();
        Set<WatchCategory> categories = new LinkedHashSet<>();
        double score = 0;
        for (Term term : hits.values()) {
            terms.add(term.term());
            categories.add(term.category());
            score += term.weight();
        }
        return new Match(List.copyOf(terms), Set.copyOf(categories), score);
    }

    /** The unit's effective list: its own terms, then the defaults it has not replaced. */
    public List<Term> effective(String communeCode) {
        var rows = jdbc.sql("""
                        SELECT id, commune_code, category, term, variants, weight::float8 AS weight
                          FROM incidents.watch_terms
                         WHERE commune_code = ? OR commune_code IS NULL
                         ORDER BY commune_code NULLS LAST, category, term
                        """)
                .param(communeCode)
                .query((rs, n) -> new Term(
                        rs.getLong("id"),
                        rs.getString("commune_code"),
                        WatchCategory.valueOf(rs.getString("category")),
                        rs.getString("term"),
                        rs.getString("variants"),
                        rs.getDouble("weight")))
                .list();
        Map<String, Term> byWording = new LinkedHashMap<>();
        for (Term term : rows) {
            byWording.putIfAbsent(VietnameseText.fold(term.term()), term);
        }
        return List.copyOf(byWording.values());
    }

    public void forget(String communeCode) {
        cache.remove(communeCode);
    }

    private List<Form> forms(String communeCode) {
        Instant now = clock.instant();
        Cached cached = cache.get(communeCode);
        if (cached == null || cached.loadedAt().plus(properties.cacheTtl()).isBefore(now)) {
            cached = new Cached(compile(effective(communeCode)), now);
            cache.put(communeCode, cached);
        }
        return cached.forms();
    }

    static List<Form> compile(List<Term> terms) {
        List<Form> forms = new ArrayList<>();
        for (Term term : terms) {
            if (term.weight() <= 0) {
                continue;
            }
            Set<String> folded = new LinkedHashSet<>();
            folded.add(VietnameseText.fold(term.term()));
            for (String variant : term.variants().split("[,;\\n]")) {
                folded.add(VietnameseText.fold(variant));
            }
            folded.remove("");
            folded.forEach(f -> forms.add(new Form(f, term)));
        }
        // Longer forms first, so "chem nhau" is seen before "chem" (both point at the same term anyway).
        forms.sort((a, b) -> Integer.compare(b.folded().length(), a.folded().length()));
        return List.copyOf(forms);
    }
}
