package vn.binhyen.bulletins;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A bulletin as the console and the portal show it. {@code bodyHtml} is rendered from the safe markup, escaped. */
public record BulletinView(
        long id,
        BulletinKind kind,
        String title,
        String body,
        String bodyHtml,
        BulletinStatus status,
        String provinceCode,
        @Nullable String homeCommuneCode,
        boolean provinceWide,
        List<String> communeCodes,
        List<Long> villageIds,
        boolean toFollowers,
        boolean toGroups,
        boolean toArticle,
        boolean toBroadcast,
        long authorId,
        String authorName,
        @Nullable String approverName,
        @Nullable String rejectionReason,
        boolean needsReview,
        @Nullable Instant reviewedAt,
        @Nullable Instant publishAt,
        @Nullable Instant publishedAt,
        @Nullable Long correctsId,
        @Nullable Long correctedById,
        Instant createdAt) {

    /** Urgent alerts stay on top of a commune's page for three days. */
    public boolean pinned(Instant now) {
        return kind.urgent() && publishedAt != null && publishedAt.isAfter(now.minusSeconds(3 * 24 * 3600));
    }
}
