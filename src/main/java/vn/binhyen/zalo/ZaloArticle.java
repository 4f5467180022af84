package vn.binhyen.zalo;

import java.util.List;

/**
 * A normal Zalo article as a page publishes it. Zalo's limits: title 150 characters, author 50, description 300; the
 * body is HTML paragraphs.
 *
 * @param coverUrl the cover photo (Zalo requires one for a normal article)
 * @param imageUrls photos shown after the paragraphs, as Zalo's image items
 */
public record ZaloArticle(
        String title,
        String author,
        String description,
        String coverUrl,
        List<String> paragraphs,
        List<String> imageUrls) {

    public static final int MAX_TITLE = 150;
    public static final int MAX_AUTHOR = 50;
    public static final int MAX_DESCRIPTION = 300;

    public ZaloArticle {
        title = cut(title, MAX_TITLE);
        author = cut(author, MAX_AUTHOR);
        description = cut(description, MAX_DESCRIPTION);
        paragraphs = List.copyOf(paragraphs);
        imageUrls = List.copyOf(imageUrls);
    }

    /** Cuts at a character boundary, with an ellipsis, so Zalo never refuses the article for length. */
    static String cut(String text, int max) {
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) <= max) {
            return stripped;
        }
        return stripped.substring(0, stripped.offsetByCodePoints(0, max - 1)) + "…";
    }
}
