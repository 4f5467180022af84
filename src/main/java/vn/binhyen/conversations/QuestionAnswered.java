package vn.binhyen.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A resident's question got its first answer: automatically from the knowledge base, or from an officer (in BinhYen or
 * in Zalo's own chat). For figures: time to first answer, share answered automatically.
 */
public record QuestionAnswered(
        long questionId,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        Instant askedAt,
        Instant answeredAt,
        boolean automatic) {}
