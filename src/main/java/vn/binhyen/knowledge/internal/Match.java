package vn.binhyen.knowledge.internal;

/**
 * One candidate for a question, with the two measures its score is made of (kept for the evaluation report).
 *
 * @param questionCoverage how much of what the question says (weighted by rarity) the entry talks about
 * @param phrasingCoverage how much of the entry's closest phrasing (title or a listed question) the question says
 * @param askedCoverage how much of what the question says the entry's title and listed questions say
 * @param relevance Lucene's BM25 score, used to pick the candidates and to break ties
 */
public record Match(
        long id,
        String slug,
        String title,
        double score,
        double questionCoverage,
        double phrasingCoverage,
        double askedCoverage,
        float relevance) {

    public String url() {
        return "/hoi-dap/" + slug;
    }
}
