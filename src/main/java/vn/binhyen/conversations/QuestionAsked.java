package vn.binhyen.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A resident asked a question on a channel (a message that asks something, or that the knowledge base answers well).
 * Carries no resident id and no text: for figures.
 *
 * @param goodMatch whether the knowledge base has a good answer; questions without one are the entries to write
 */
public record QuestionAsked(
        long questionId,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        Instant askedAt,
        boolean goodMatch) {}
