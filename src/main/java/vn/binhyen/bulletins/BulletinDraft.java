package vn.binhyen.bulletins;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the author wrote.
 *
 * @param publishAt a future time to publish at, or null for as soon as allowed
 * @param correctsId the published bulletin this one corrects, if any
 */
public record BulletinDraft(
        BulletinKind kind,
        String title,
        String body,
        Audience audience,
        @Nullable Instant publishAt,
        @Nullable Long correctsId) {

    @Override
    public String toString() {
        return "BulletinDraft[" + kind + ", " + title.length() + " + " + body.length() + " chars]";
    }
}
