package vn.binhyen.zalo;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A bulletin's article on one page and its broadcast, as Zalo answered (never estimated).
 *
 * @param state where the article is
 * @param articleId Zalo's id, once Zalo has processed the article
 * @param failureKey message key of why the article failed, if it did
 * @param broadcast the broadcast, if one was asked for
 */
public record ArticleView(
        String oaId,
        State state,
        @Nullable String articleId,
        @Nullable String failureKey,
        @Nullable Integer errorCode,
        @Nullable Broadcast broadcast) {

    public enum State {
        /** Not yet sent to Zalo. */
        CREATE,
        /** Sent; Zalo is processing it ({@code -214}). */
        VERIFY,
        /** Changed by a correction, the change not yet sent. */
        UPDATE,
        LIVE,
        /** To be taken down. */
        REMOVE,
        REMOVED,
        FAILED
    }

    /**
     * @param state "WAITING_ARTICLE" until the article is live, then the delivery's status (PENDING, SENT, FAILED,
     *     CANCELLED)
     * @param zaloMessageId the id Zalo gave the broadcast
     */
    public record Broadcast(
            String state,
            @Nullable Instant notBefore,
            @Nullable Instant sentAt,
            @Nullable String zaloMessageId,
            @Nullable String failureKey,
            @Nullable Integer errorCode) {}
}
