package vn.binhyen.reports.internal;

import org.jspecify.annotations.Nullable;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipStatus;

/**
 * What the officer asked the inbox for. {@code status} null with {@code openOnly} true means every open status.
 *
 * @param q words to find, typed any way (with or without diacritics)
 */
public record InboxFilter(
        @Nullable String q,
        @Nullable TipStatus status,
        boolean openOnly,
        @Nullable TipCategory category,
        @Nullable Long villageId,
        boolean urgentOnly,
        boolean mineOnly,
        int page) {

    public static final int PAGE_SIZE = 25;

    /** A page far past the end, typed into the address, is an empty page, not an overflowing offset. */
    public InboxFilter {
        page = Math.clamp(page, 0, 1_000_000);
    }

    public static InboxFilter open() {
        return new InboxFilter(null, null, true, null, null, false, false, 0);
    }
}
