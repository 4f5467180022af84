package vn.binhyen.conversations;

/** The thread does not exist or is outside the officer's scope (the two look the same on purpose). */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException() {
        super("Conversation not found");
    }
}
