package vn.binhyen.conversations;

/** A reply that cannot be sent as written; {@link #messageKey()} explains why in the officer's language. */
public class ReplyRejectedException extends RuntimeException {

    private final String messageKey;

    public ReplyRejectedException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
