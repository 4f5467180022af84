package vn.binhyen.conversations;

/** The channel a thread lives on; the channel adapter with the same name delivers its replies. */
public enum ConversationChannel {
    ZALO
}
