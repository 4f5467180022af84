package vn.binhyen.conversations;

/**
 * Implemented by a channel adapter that can fetch the media its residents sent (a photo's bytes from the channel's
 * CDN), so that "make it a tip" carries the photos without anyone downloading and uploading them by hand.
 */
public interface MediaFetcher {

    boolean handles(ConversationChannel channel);

    /**
     * The bytes behind a media link the channel delivered.
     *
     * @throws IllegalArgumentException when the link is not one this channel serves (never fetched)
     * @throws java.io.UncheckedIOException when the media could not be fetched
     */
    byte[] fetch(String url);
}
