package vn.binhyen.knowledge.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The approved version of an entry: what the public pages and the index show. */
public record PublishedEntry(
        long id,
        String slug,
        EntryKind kind,
        Topic topic,
        int revisionNumber,
        EntryContent content,
        @Nullable LocalDate reviewedOn,
        @Nullable String reviewer) {

    public String url() {
        return "/hoi-dap/" + slug;
    }
}
