package vn.binhyen.zalo.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An OA API answer. Zalo reports errors with HTTP 200 and a negative {@code error}; an expired token may also come
 * as HTTP 401, which is read as {@link #TOKEN_INVALID}.
 */
public record ZaloApiResult(
        int error, String message, JsonNode data, @Nullable String rateLimitRemain) {

    public static final int RATE_LIMITED = -32;
    public static final int TOKEN_INVALID = -216;
    public static final int TOKEN_EXPIRED = -220;
    public static final int NOT_FOLLOWER = -213;
    public static final int OUTSIDE_WINDOW = -230;
    public static final int NO_INTERACTION = -232;
    public static final int NIGHT_BAN = -234;
    public static final int OUT_OF_QUOTA = -211;
    public static final int ARTICLE_PROCESSING = -214;
    public static final int ARTICLE_QUOTA = -223;

    public boolean ok() {
        return error == 0;
    }

    public boolean tokenProblem() {
        return error == TOKEN_INVALID || error == TOKEN_EXPIRED;
    }

    /**
     * The article id in a {@code verify} answer: {@code data.id} or {@code data.article_id}, as sources disagree on
     * the name; "" when neither is there.
     */
    public String articleId() {
        String id = ZaloJson.text(data.path("id"));
        return id.isEmpty() ? ZaloJson.text(data.path("article_id")) : id;
    }

    public boolean outsideWindow() {
        return error == OUTSIDE_WINDOW || error == NO_INTERACTION;
    }
}
