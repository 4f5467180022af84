package vn.binhyen.conversations;

/** What a message carries; the thread view shows each kind its own way. */
public enum MessageKind {
    TEXT,
    IMAGE,
    LOCATION,
    FILE,
    LINK,
    STICKER,
    OTHER
}
