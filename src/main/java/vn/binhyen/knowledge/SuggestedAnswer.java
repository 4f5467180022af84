package vn.binhyen.knowledge;

import java.util.List;

/**
 * An entry suggested to the officer as the answer to a resident's question.
 *
 * @param passage the entry's line that best matches the question, in parts, the matching words marked, so a page can
 *     highlight them without trusting any markup
 * @param replyText the message to send the resident: the entry in short and the link to the whole page
 */
public record SuggestedAnswer(Suggestion suggestion, List<PassagePart> passage, String replyText) {

    /** A piece of the passage; {@code matched} when the question has this word. */
    public record PassagePart(String text, boolean matched) {}
}
