package vn.binhyen.knowledge;

/**
 * A catalogue entry that may answer a resident's question.
 *
 * @param score how sure the matcher is, from 0 to 1; comparable across questions, so one threshold fits all
 * @param url the public page that answers it, relative to the site root
 */
public record Suggestion(long id, String slug, String title, double score, String url) {}
